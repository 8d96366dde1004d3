namespace PortalApp.Features.HelpCenter;

/// <summary>Input limits shared by the editor, the services and the schema.</summary>
public static class HelpCenterLimits
{
    public const int SlugMaxLength = 120;
    public const int TitleMaxLength = 200;
    public const int TagsMaxLength = 500;
    public const int TagMaxLength = 40;
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 50_000;
    public const int AuthorMaxLength = 100;
    public const int SupportSubjectMaxLength = 150;
    public const int SupportMessageMaxLength = 4_000;
}
