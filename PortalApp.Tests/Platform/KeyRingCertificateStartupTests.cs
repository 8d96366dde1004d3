using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PortalApp.Features.Account;
using PortalApp.Platform.Hosting;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

/// <summary>Which certificate encrypts the key ring, how the app refuses to run without one, and what happens to keys from before.</summary>
[Trait("Category", "Security")]
public sealed class KeyRingCertificateStartupTests
{
    private const string CertificateKey = "DataProtection:Certificate";

    public static TheoryData<string, string, string?, string> BadProductionSettings => new()
    {
        // setting changed, its value, a second setting's value (or null), the setting the message must name
        { $"{CertificateKey}:Path", "", null, $"{CertificateKey}:Path" },
        { $"{CertificateKey}:Path", "", null, $"{CertificateKey}:Thumbprint" },
        { $"{CertificateKey}:Path", "no-such-folder/key-ring.pfx", null, $"{CertificateKey}:Path" },
        { $"{CertificateKey}:Password", "Not-The-Pfx-Password-9", null, $"{CertificateKey}:Password" },
        { $"{CertificateKey}:Thumbprint", "0123456789ABCDEF0123456789ABCDEF01234567", "", $"{CertificateKey}:Thumbprint" },
        { $"{CertificateKey}:Thumbprint", "not-a-thumbprint", "", $"{CertificateKey}:Thumbprint" },
    };

    [Theory]
    [MemberData(nameof(BadProductionSettings))]
    public void Production_CertificateMissingOrUnusable_RefusesToStartNamingTheSetting(string key, string value, string? pathValue, string named)
    {
        using var factory = new PortalAppFactory { EnvironmentName = "Production" };
        factory.Settings[key] = value;
        if (pathValue is not null)
        {
            factory.Settings[$"{CertificateKey}:Path"] = pathValue;
            factory.Settings[$"{CertificateKey}:Password"] = "";
        }

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Not-The-Pfx-Password-9", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestCertificates.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_NoCertificateConfigured_CreatesOneOutsideTheDatabaseEncryptsWithItAndSaysSo()
    {
        using var factory = new PortalAppFactory();
        factory.Settings.Remove($"{CertificateKey}:Path");
        factory.Settings.Remove($"{CertificateKey}:Password");
        var path = Path.Combine(factory.DataDirectory, "profile", "data-protection-development.pfx");
        factory.Settings["DataProtection:DevelopmentCertificatePath"] = path;
        var logs = CapturedLogs.AttachTo(factory);

        factory.GetService<IDataProtectionProvider>().CreateProtector("test").Protect("creates the first key");

        Assert.True(File.Exists(path), "the development certificate is created where the setting says");
        using var created = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, null);
        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Equal(new[] { Convert.ToBase64String(created.RawData) }, KeyRingDatabaseCopy.EncryptedTo(xml)));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Text.StartsWith("Development:", StringComparison.Ordinal) && e.Text.Contains(path, StringComparison.Ordinal));

        // Without the setting the certificate goes to the user's profile, never into the repository.
        var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
        var defaultPath = KeyRingCertificates.DefaultDevelopmentCertificatePath;
        Assert.NotNull(defaultPath);
        Assert.False(defaultPath.StartsWith(repository, StringComparison.Ordinal), $"{defaultPath} is inside the repository");
    }

    [Fact]
    public async Task PlainTextKeyFromBefore_AtStart_IsEncryptedAndRevokedSoOldCopiesForgeNothing()
    {
        using var factory = new PortalAppFactory();
        var before = Path.Combine(factory.DataDirectory, "ring-before-certificates");
        var unencrypted = DataProtectionProvider.Create(new DirectoryInfo(before), b => b.SetApplicationName(PortalDataProtectionExtensions.ApplicationName));
        var forged = unencrypted.CreateProtector("test").Protect("made with the key from a copy of the database taken before");
        var plainXml = File.ReadAllText(Directory.GetFiles(before, "*.xml").Single());
        var keyId = Guid.Parse(XElement.Parse(plainXml).Attribute("id")!.Value);
        Assert.Single(KeyRingDatabaseCopy.Secrets(plainXml, "masterKey"));
        await factory.WithDbAsync(async db =>
        {
            db.DataProtectionKeys.Add(new() { FriendlyName = $"key-{keyId}", Xml = plainXml });
            return await db.SaveChangesAsync();
        });

        await RunAtStartAsync<KeyRingReencryption>(factory);

        var copy = KeyRingDatabaseCopy.Take(factory, Path.Combine(factory.DataDirectory, "copy.db"));
        var stored = Assert.Single(copy.KeyXml, xml => (string?)XElement.Parse(xml).Attribute("id") == keyId.ToString());
        Assert.Empty(KeyRingDatabaseCopy.Secrets(stored, "masterKey"));
        Assert.True(factory.GetService<IKeyManager>().GetAllKeys().Single(k => k.KeyId == keyId).IsRevoked);
        using var certificate = TestCertificates.Load(factory.Settings[$"{CertificateKey}:Path"]!);
        var error = Assert.ThrowsAny<CryptographicException>(() => copy.Provider(Path.Combine(factory.DataDirectory, "owner"), certificate, createKeys: true).CreateProtector("test").Unprotect(forged));
        Assert.Contains("revoked", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rotation_NewCertificateWithOldAsPrevious_KeysMoveToTheNewOneAndSessionsSurvive()
    {
        using var old = new PortalAppFactory();
        using var client = PortalSignIn.AnonymousClient(old);
        var cookie = PortalSignIn.AuthCookie(await PortalSignIn.SubmitAsync(client, DemoDataSeeder.DemoAccounts[0].Email, DemoDataSeeder.DemoPassword));

        using var rotated = new PortalAppFactory();
        KeyRingDatabaseCopy.Take(old, Path.Combine(rotated.DataDirectory, "portal.db"));
        var newPath = TestCertificates.Write(rotated.DataDirectory, "key-ring-2027.pfx", TestCertificates.CreatePfx("CN=Portal tests key ring 2027"));
        rotated.Settings[$"{CertificateKey}:Path"] = newPath;
        rotated.Settings["DataProtection:PreviousCertificates:0:Path"] = old.Settings[$"{CertificateKey}:Path"];
        rotated.Settings["DataProtection:PreviousCertificates:0:Password"] = TestCertificates.Password;

        Assert.Equal(HttpStatusCode.OK, (await PortalSignIn.GetWithAuthCookieAsync(rotated, "/Account/Manage/ChangePassword", cookie)).StatusCode);

        using var newCertificate = TestCertificates.Load(newPath);
        var copy = KeyRingDatabaseCopy.Take(rotated, Path.Combine(rotated.DataDirectory, "copy.db"));
        Assert.All(copy.KeyXml, xml => Assert.Equal(new[] { Convert.ToBase64String(newCertificate.RawData) }, KeyRingDatabaseCopy.EncryptedTo(xml)));
        var onlyTheNewCertificate = copy.Provider(Path.Combine(rotated.DataDirectory, "new-only"), newCertificate);
        Assert.NotNull(KeyRingDatabaseCopy.AuthCookieFormat(onlyTheNewCertificate).Unprotect(cookie));
    }

    private static async Task RunAtStartAsync<TSeeder>(PortalAppFactory factory)
        where TSeeder : IPortalSeeder
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TSeeder>().SeedAsync(CancellationToken.None);
    }
}
