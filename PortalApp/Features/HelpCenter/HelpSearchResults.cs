namespace PortalApp.Features.HelpCenter;

public sealed record HelpSearchResults(IReadOnlyList<HelpSearchHit> Hits, IReadOnlyList<string> Terms, bool MatchedAnyTerm);
