namespace PortalApp.Features.HelpCenter;

/// <summary>One result; <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded text with only <c>&lt;mark&gt;</c> added.</summary>
public sealed record HelpSearchHit(int Id, string Slug, string Title, HelpCategory Category, IReadOnlyList<string> Tags, string Summary, string TitleHtml, string SnippetHtml);
