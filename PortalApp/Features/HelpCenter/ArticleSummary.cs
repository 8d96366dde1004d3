namespace PortalApp.Features.HelpCenter;

public sealed record ArticleSummary(int Id, string Slug, string Title, HelpCategory Category, string Summary, int HelpfulCount, DateTimeOffset? PublishedAt, ArticleState State);
