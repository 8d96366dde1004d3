using System.Security.Cryptography.X509Certificates;

namespace PortalApp.Platform.Hosting;

/// <summary>Where one key-ring certificate comes from: a PFX file, or a certificate store by thumbprint.</summary>
public sealed class KeyRingCertificate
{
    /// <summary>A PFX (PKCS#12) file holding the certificate and its RSA private key; relative to the content root.</summary>
    public string? Path { get; set; }

    /// <summary>The PFX file's password.</summary>
    public string? Password { get; set; }

    /// <summary>SHA-1 thumbprint of a certificate with its private key in the <see cref="StoreLocation"/>'s "My" store.</summary>
    public string? Thumbprint { get; set; }

    public StoreLocation StoreLocation { get; set; } = StoreLocation.CurrentUser;

    public bool HasPath => !string.IsNullOrWhiteSpace(Path);

    public bool HasThumbprint => !string.IsNullOrWhiteSpace(Thumbprint);
}
