namespace PortalApp.Platform.Hosting;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Absolute base of every link in an email; never taken from the request's Host header.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Lets a test rig run outside Development over plain HTTP and SMTP (see <see cref="TransportSecurity"/>); never in production.</summary>
    public bool AllowInsecureTransport { get; set; }

    public string ProductName { get; set; } = "Customer Portal";

    public string SupportEmail { get; set; } = "support@example.com";
}
