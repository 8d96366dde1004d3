using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace PortalApp.Platform.Hosting;

/// <summary>
/// The certificates of the key ring, loaded once while the app is composed: <see cref="Current"/> encrypts, it and
/// <see cref="Previous"/> decrypt. Load failures stop the start with a message naming the setting.
/// </summary>
public sealed class KeyRingCertificates
{
    private const string DevelopmentSubject = "CN=Customer Portal Data Protection (Development)";

    private KeyRingCertificates(X509Certificate2 current, IReadOnlyList<X509Certificate2> previous, string source)
    {
        Current = current;
        Previous = previous;
        Source = source;
    }

    public X509Certificate2 Current { get; }

    public IReadOnlyList<X509Certificate2> Previous { get; }

    /// <summary>Where <see cref="Current"/> came from, for the start-up log line; never the password.</summary>
    public string Source { get; }

    /// <summary>True when no certificate is configured and Development made (or reused) its local one.</summary>
    public bool IsDevelopmentCertificate { get; private init; }

    /// <summary>
    /// Outside the repository and the database on purpose: in the user's profile (<c>~/.config</c> on Linux and macOS,
    /// <c>%APPDATA%</c> on Windows), shared by every checkout of the developer.
    /// </summary>
    public static string? DefaultDevelopmentCertificatePath
    {
        get
        {
            var profile = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.IsPathFullyQualified(profile) ? Path.Combine(profile, "CustomerPortal", "data-protection-development.pfx") : null;
        }
    }

    /// <summary>Loads what <paramref name="options"/> names (already checked by <see cref="KeyRingOptionsValidator"/>).</summary>
    public static KeyRingCertificates Load(KeyRingOptions options, IHostEnvironment environment, TimeProvider time)
    {
        var previous = options.PreviousCertificates
            .Select((certificate, i) => Load(certificate, $"{KeyRingOptionsValidator.PreviousCertificatesKey}:{i}", environment).Certificate)
            .ToList();
        if (options.Certificate.HasPath || options.Certificate.HasThumbprint)
        {
            var (current, source) = Load(options.Certificate, KeyRingOptionsValidator.CertificateKey, environment);
            return new KeyRingCertificates(current, previous, source);
        }

        var path = string.IsNullOrWhiteSpace(options.DevelopmentCertificatePath)
            ? DefaultDevelopmentCertificatePath ?? throw Failure($"{KeyRingOptions.Section}:DevelopmentCertificatePath is required: this user has no profile folder to keep the development certificate in.")
            : KeyRingOptionsValidator.FullPath(options.DevelopmentCertificatePath, environment);
        var created = CreateDevelopmentCertificateIfMissing(path, time);
        const string setting = KeyRingOptions.Section + ":DevelopmentCertificatePath";
        var development = RequireRsaPrivateKey(LoadPfx(path, null, $"{setting}, or delete the file to have a new development certificate made"), setting);
        return new KeyRingCertificates(development, previous, created ? $"development certificate {path}, created now" : $"development certificate {path}")
        {
            IsDevelopmentCertificate = true,
        };
    }

    private static (X509Certificate2 Certificate, string Source) Load(KeyRingCertificate settings, string key, IHostEnvironment environment)
    {
        if (settings.HasPath)
        {
            var path = KeyRingOptionsValidator.FullPath(settings.Path!, environment);
            return (RequireRsaPrivateKey(LoadPfx(path, settings.Password, $"{key}:Path and {key}:Password"), key), $"PFX file {path}");
        }

        var thumbprint = settings.Thumbprint!.Trim();
        using var store = new X509Store(StoreName.My, settings.StoreLocation);
        try
        {
            store.Open(OpenFlags.ReadOnly);
        }
        catch (CryptographicException e)
        {
            throw Failure($"{key}:Thumbprint: the {settings.StoreLocation}\\My store ({key}:StoreLocation) cannot be opened ({e.Message}).");
        }

        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
        if (found.Count == 0)
        {
            throw Failure($"{key}:Thumbprint: no certificate {thumbprint} in the {settings.StoreLocation}\\My store ({key}:StoreLocation).");
        }

        return (RequireRsaPrivateKey(found[0], key), $"{settings.StoreLocation}\\My store");
    }

    private static X509Certificate2 LoadPfx(string path, string? password, string settingsToCheck)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, KeyStorageFlags);
        }
        catch (CryptographicException e)
        {
            throw Failure($"'{path}' cannot be opened as a PFX file ({e.Message}); check {settingsToCheck}.");
        }
    }

    /// <summary>The key ring's XML encryption wraps each key with the certificate's RSA key; without the private half nothing decrypts.</summary>
    private static X509Certificate2 RequireRsaPrivateKey(X509Certificate2 certificate, string key)
    {
        using var rsa = certificate.GetRSAPrivateKey();
        return rsa is not null
            ? certificate
            : throw Failure($"{key}: certificate {certificate.Thumbprint} has no RSA private key; the key ring needs one to decrypt its keys.");
    }

    /// <summary>
    /// Creates the self-signed development certificate unless it exists. Written to a temporary file first and moved
    /// into place, so two processes starting at once end up sharing one certificate instead of overwriting each other's.
    /// </summary>
    private static bool CreateDevelopmentCertificateIfMissing(string path, TimeProvider time)
    {
        if (File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(DevelopmentSubject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, file))
        {
            stream.Write(certificate.Export(X509ContentType.Pkcs12));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    // Ephemeral keys are never written to a machine key folder; macOS does not support them.
    private static X509KeyStorageFlags KeyStorageFlags => OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;

    private static OptionsValidationException Failure(string message)
        => new(Options.DefaultName, typeof(KeyRingOptions), [message]);
}
