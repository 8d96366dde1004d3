namespace PortalApp.Features.HelpCenter;

public sealed record ArticleSaveResult(int? Id, string? Slug, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
