using Microsoft.Extensions.Options;

namespace PortalApp.Platform.Hosting;

/// <summary>Checks the key-ring certificate settings before anything is loaded; each message names the setting to fix.</summary>
internal sealed class KeyRingOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyRingOptions>
{
    public const string CertificateKey = KeyRingOptions.Section + ":Certificate";
    public const string PreviousCertificatesKey = KeyRingOptions.Section + ":PreviousCertificates";

    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        var failures = Problems(options.Certificate, CertificateKey).ToList();
        if (!options.Certificate.HasPath && !options.Certificate.HasThumbprint && !environment.IsDevelopment())
        {
            failures.Add($"{CertificateKey}:Path (a PFX file, opened with {CertificateKey}:Password) or {CertificateKey}:Thumbprint "
                + $"(a certificate in the {CertificateKey}:StoreLocation's My store) is required outside Development: the Data Protection "
                + "key ring in the database (sign-in cookies, protected emails, authenticator keys) is encrypted with this certificate, "
                + "so that a copy of the database alone opens nothing. README.md, Configuration, shows how to create one.");
        }

        for (var i = 0; i < options.PreviousCertificates.Count; i++)
        {
            var previous = options.PreviousCertificates[i];
            var key = $"{PreviousCertificatesKey}:{i}";
            failures.AddRange(Problems(previous, key));
            if (!previous.HasPath && !previous.HasThumbprint)
            {
                failures.Add($"{key} needs a Path or a Thumbprint.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A relative PFX path is relative to the content root, like the SQLite file's.</summary>
    public static string FullPath(string path, IHostEnvironment environment)
        => Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));

    private IEnumerable<string> Problems(KeyRingCertificate certificate, string key)
    {
        if (certificate.HasPath && certificate.HasThumbprint)
        {
            yield return $"{key}:Path and {key}:Thumbprint are alternatives: set one of them.";
        }

        if (certificate.HasPath && !File.Exists(FullPath(certificate.Path!, environment)))
        {
            yield return $"{key}:Path: there is no file at '{FullPath(certificate.Path!, environment)}'.";
        }

        if (!certificate.HasPath && !string.IsNullOrEmpty(certificate.Password))
        {
            yield return $"{key}:Password is set but {key}:Path is not: the password opens a PFX file.";
        }

        if (certificate.HasThumbprint && !(certificate.Thumbprint!.Trim().Length == 40 && certificate.Thumbprint.Trim().All(char.IsAsciiHexDigit)))
        {
            yield return $"{key}:Thumbprint must be the certificate's SHA-1 thumbprint: 40 hexadecimal characters.";
        }
    }
}
