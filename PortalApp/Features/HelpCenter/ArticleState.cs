namespace PortalApp.Features.HelpCenter;

public enum ArticleState
{
    Draft = 0,
    Published = 1,
}
