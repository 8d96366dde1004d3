namespace PortalApp.Platform.Hosting;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest. The ring itself stays in the database, so every
/// instance shares it; the certificate is what each instance needs, and it never goes into the database.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>Encrypts new keys (and re-encrypts older ones at start); required outside Development.</summary>
    public KeyRingCertificate Certificate { get; set; } = new();

    /// <summary>Certificates being rotated out: they only decrypt keys until the start re-encrypts them with <see cref="Certificate"/>.</summary>
    public List<KeyRingCertificate> PreviousCertificates { get; set; } = [];

    /// <summary>Development without a configured certificate: where the local development certificate is kept (created on first start).</summary>
    public string? DevelopmentCertificatePath { get; set; }
}
