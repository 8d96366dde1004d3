using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using PortalApp.Platform.Hosting;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

/// <summary>
/// What someone holding only a copy of the database file can do with the Data Protection key ring in it: open the
/// file with a plain <see cref="SqliteConnection"/>, take the key XML, and build their own Data Protection around it.
/// </summary>
public sealed class KeyRingDatabaseCopy
{
    private KeyRingDatabaseCopy(string path, IReadOnlyList<string> keyXml)
    {
        Path = path;
        KeyXml = keyXml;
    }

    public string Path { get; }

    public IReadOnlyList<string> KeyXml { get; }

    /// <summary>Backs up the app's database (WAL included) into <paramref name="target"/> and reads the key XML from the copy.</summary>
    public static KeyRingDatabaseCopy Take(PortalAppFactory factory, string target)
    {
        using (var source = new SqliteConnection($"Data Source={System.IO.Path.Combine(factory.DataDirectory, "portal.db")};Mode=ReadOnly;Pooling=False"))
        using (var copy = new SqliteConnection($"Data Source={target};Pooling=False"))
        {
            source.Open();
            copy.Open();
            source.BackupDatabase(copy);
        }

        var keys = new List<string>();
        using var connection = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return new KeyRingDatabaseCopy(target, keys);
    }

    /// <summary>
    /// Data Protection over the copied keys only. With <paramref name="certificate"/> it is what the app has; without, what
    /// a thief has. <paramref name="createKeys"/> lets it make a key of its own when it can use none of the copied ones.
    /// </summary>
    public IDataProtectionProvider Provider(string directory, X509Certificate2? certificate = null, bool createKeys = false)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < KeyXml.Count; i++)
        {
            File.WriteAllText(System.IO.Path.Combine(directory, $"copied-{i}.xml"), KeyXml[i]);
        }

        return DataProtectionProvider.Create(new DirectoryInfo(directory), builder =>
        {
            builder.SetApplicationName(PortalDataProtectionExtensions.ApplicationName);
            if (certificate is not null)
            {
                builder.UnprotectKeysWithAnyCertificate(certificate);
            }

            if (!createKeys)
            {
                builder.DisableAutomaticKeyGeneration();
            }
        });
    }

    /// <summary>The key elements' secrets: every one must be an <c>encryptedSecret</c>, none a readable <c>masterKey</c>.</summary>
    public static IEnumerable<XElement> Secrets(string keyXml, string localName)
        => XElement.Parse(keyXml).Descendants().Where(e => e.Name.LocalName == localName);

    /// <summary>The certificates the key's secrets are encrypted to (the X.509 data EncryptedXml puts beside the wrapped key).</summary>
    public static IEnumerable<string> EncryptedTo(string keyXml)
        => Secrets(keyXml, "X509Certificate").Select(e => e.Value.Trim());

    /// <summary>The app's auth cookie format (Identity's application scheme) over <paramref name="provider"/>.</summary>
    public static TicketDataFormat AuthCookieFormat(IDataProtectionProvider provider)
        => new(provider.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2"));
}
