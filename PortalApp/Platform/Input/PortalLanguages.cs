namespace PortalApp.Platform.Input;

public static class PortalLanguages
{
    public static IReadOnlyList<PortalLanguage> All { get; } =
    [
        new("en", "English"),
        new("de", "Deutsch"),
        new("es", "Español"),
        new("fr", "Français"),
        new("nl", "Nederlands"),
    ];
}
