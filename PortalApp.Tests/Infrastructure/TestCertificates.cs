using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// Self-signed RSA certificates for the key ring, as an operator would provide them (a PFX file and its password).
/// The shared one is made once per test run: RSA key generation is slow on a loaded machine.
/// </summary>
public static class TestCertificates
{
    public const string Password = "tests-only-pfx-password";

    private static readonly Lazy<byte[]> KeyRing = new(() => CreatePfx("CN=Portal tests key ring"));

    /// <summary>Writes the shared key-ring certificate into <paramref name="directory"/> and returns the file's path.</summary>
    public static string WriteKeyRingPfx(string directory) => Write(directory, "key-ring.pfx", KeyRing.Value);

    public static string Write(string directory, string fileName, byte[] pfx)
    {
        var path = Path.Combine(directory, fileName);
        File.WriteAllBytes(path, pfx);
        return path;
    }

    public static byte[] CreatePfx(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, Password);
    }

    public static X509Certificate2 Load(string path) => X509CertificateLoader.LoadPkcs12FromFile(path, Password, X509KeyStorageFlags.EphemeralKeySet);
}
