namespace PortalApp.Platform.Input;

public sealed record PortalLanguage(string Tag, string Name);
