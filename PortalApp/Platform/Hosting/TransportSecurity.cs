namespace PortalApp.Platform.Hosting;

/// <summary>
/// Outside Development, links in emails and the emails themselves travel over TLS: an emailed link carries a reset
/// token or a confirmation code, and SMTP's "Auto" silently falls back to plain text when STARTTLS is stripped on the way.
/// </summary>
public static class TransportSecurity
{
    public const string OptOutHint = "Only a test rig without TLS may set Portal:AllowInsecureTransport=true.";

    public static bool IsRequired(IHostEnvironment environment, PortalOptions portal) =>
        !environment.IsDevelopment() && !portal.AllowInsecureTransport;
}
