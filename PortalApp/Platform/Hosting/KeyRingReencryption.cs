using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Platform.Hosting;

/// <summary>
/// At start, encrypts with the current certificate every key of the ring stored under a previous certificate
/// (rotation: the key material stays, so everything it protected stays readable) or in plain XML. A key that was ever
/// stored in plain XML is also revoked: anyone holding a copy of the database from before could otherwise go on forging
/// sign-in cookies with it, since Data Protection accepts payloads of expired keys. Revoking signs everyone out once and
/// a new key takes over.
/// </summary>
internal sealed class KeyRingReencryption(
    PortalDbContext db,
    KeyRingCertificates certificates,
    IServiceProvider services,
    IKeyManager keyManager,
    ILoggerFactory loggerFactory,
    ILogger<KeyRingReencryption> logger) : IPortalSeeder
{
    // Data Protection's own XML vocabulary (XmlConstants in Microsoft.AspNetCore.DataProtection, internal there).
    private static readonly XNamespace DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtectionNamespace + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtectionNamespace + "requiresEncryption";
    private const string DecryptorType = "decryptorType";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (certificates.IsDevelopmentCertificate)
        {
            logger.LogInformation(
                "Development: the Data Protection key ring is encrypted with a local {Source} (thumbprint {Thumbprint}). Outside Development set DataProtection:Certificate:Path or DataProtection:Certificate:Thumbprint.",
                certificates.Source,
                certificates.Current.Thumbprint);
        }
        else
        {
            logger.LogInformation("The Data Protection key ring is encrypted with certificate {Thumbprint} from the {Source}.", certificates.Current.Thumbprint, certificates.Source);
        }

        var encryptor = new CertificateXmlEncryptor(certificates.Current, loggerFactory);
        var decryptor = new EncryptedXmlDecryptor(services);
        var reencrypted = 0;
        var wasPlain = new List<Guid>();
        foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            switch (Reencrypt(row, encryptor, decryptor))
            {
                case KeyState.WasPlain when Guid.TryParse((string?)XElement.Parse(row.Xml!).Attribute("id"), out var id):
                    wasPlain.Add(id);
                    reencrypted++;
                    break;
                case KeyState.WasPlain or KeyState.WasUnderAnotherCertificate:
                    reencrypted++;
                    break;
            }
        }

        if (reencrypted == 0)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("{Count} Data Protection keys are now encrypted with certificate {Thumbprint}.", reencrypted, certificates.Current.Thumbprint);
        foreach (var id in wasPlain)
        {
            keyManager.RevokeKey(id, "Stored in plain text before the key ring was encrypted.");
        }

        if (wasPlain.Count > 0)
        {
            logger.LogWarning(
                "{Count} Data Protection keys had been stored in plain text and are revoked: everyone signs in again once, and emailed links protected with them (queued emails, email confirmation links) no longer open.",
                wasPlain.Count);
        }
    }

    /// <summary>Rewrites one stored key under the current certificate where it is plain or under another one.</summary>
    private KeyState Reencrypt(DataProtectionKey row, CertificateXmlEncryptor encryptor, EncryptedXmlDecryptor decryptor)
    {
        var key = XElement.Parse(row.Xml ?? "<key />");
        var secrets = key.Descendants().Where(e => IsPlain(e) || IsUnderAnotherCertificate(e)).ToList();
        if (secrets.Count == 0)
        {
            return KeyState.Current;
        }

        var storedPlain = secrets.Any(IsPlain);
        try
        {
            foreach (var secret in secrets)
            {
                var plain = IsPlain(secret) ? new XElement(secret) : decryptor.Decrypt(secret.Elements().Single());
                var encrypted = encryptor.Encrypt(plain);
                secret.ReplaceWith(new XElement(EncryptedSecret, new XAttribute(DecryptorType, encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
            }
        }
        catch (CryptographicException)
        {
            logger.LogWarning(
                "Data Protection key {KeyName} is encrypted with a certificate that is not configured; what it protected cannot be read. Add that certificate to DataProtection:PreviousCertificates to keep it.",
                row.FriendlyName);
            return KeyState.Unreadable;
        }

        row.Xml = key.ToString(SaveOptions.DisableFormatting);
        return storedPlain ? KeyState.WasPlain : KeyState.WasUnderAnotherCertificate;
    }

    private static bool IsPlain(XElement element) => (bool?)element.Attribute(RequiresEncryption) == true;

    private bool IsUnderAnotherCertificate(XElement element)
        => element.Name == EncryptedSecret
            && ((string?)element.Attribute(DecryptorType))?.StartsWith(typeof(EncryptedXmlDecryptor).FullName + ",", StringComparison.Ordinal) == true
            && !element.Descendants().Any(e => e.Name.LocalName == "X509Certificate" && IsCurrent(e.Value));

    private bool IsCurrent(string base64Certificate)
    {
        try
        {
            return Convert.FromBase64String(base64Certificate).AsSpan().SequenceEqual(certificates.Current.RawData);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private enum KeyState
    {
        Current,
        WasPlain,
        WasUnderAnotherCertificate,
        Unreadable,
    }
}
