namespace PortalApp.Features.HelpCenter;

public sealed record HelpSearchRequest(string? Query, HelpCategory? Category = null, string? Tag = null, int Limit = 25);
