namespace PortalApp.Features.HelpCenter;

public sealed record HelpCategoryInfo(HelpCategory Category, string Slug, string Name, string Description, string Icon);
