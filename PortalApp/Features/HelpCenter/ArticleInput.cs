namespace PortalApp.Features.HelpCenter;

public sealed record ArticleInput(string Title, string Slug, HelpCategory Category, string Tags, string Summary, string BodyMarkdown, string Author);
