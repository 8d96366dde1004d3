using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.Account;
using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

/// <summary>
/// A copy of the database alone yields no session and no protected email: the key ring in it is encrypted with the
/// certificate, which never goes into the database. Each test also does the same thing with the certificate, so a
/// refusal means the missing certificate, not a mistake in the test.
/// </summary>
[Trait("Category", "Security")]
public sealed class KeyRingAtRestSecurityTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string ResetLinkBody = "Reset your password: http://portal.test/Account/ResetPassword?token=secret-token-from-the-outbox";

    [Fact]
    public async Task DatabaseCopy_WithoutCertificate_KeysAreEncryptedAndOpenNoCookieOrOutboxBody()
    {
        var cookie = await SignInCookieAsync(DemoDataSeeder.DemoAccounts[0].Email);
        var outboxBody = factory.GetService<IDataProtectionProvider>().CreateProtector(EmailOutbox.ProtectorPurpose).Protect(ResetLinkBody);
        var copy = KeyRingDatabaseCopy.Take(factory, Scratch("copy.db"));

        Assert.NotEmpty(copy.KeyXml);
        Assert.All(copy.KeyXml, xml =>
        {
            Assert.Empty(KeyRingDatabaseCopy.Secrets(xml, "masterKey"));
            Assert.NotEmpty(KeyRingDatabaseCopy.Secrets(xml, "encryptedSecret"));
        });

        var thief = copy.Provider(Scratch("thief"), createKeys: true);
        Assert.Null(KeyRingDatabaseCopy.AuthCookieFormat(thief).Unprotect(cookie));
        Assert.ThrowsAny<CryptographicException>(() => thief.CreateProtector(EmailOutbox.ProtectorPurpose).Unprotect(outboxBody));

        using var certificate = TestCertificates.Load(factory.Settings["DataProtection:Certificate:Path"]!);
        var owner = copy.Provider(Scratch("owner"), certificate);
        var ticket = KeyRingDatabaseCopy.AuthCookieFormat(owner).Unprotect(cookie);
        Assert.Equal(DemoDataSeeder.DemoAccounts[0].Email, ticket?.Principal.Identity?.Name);
        Assert.Equal(ResetLinkBody, owner.CreateProtector(EmailOutbox.ProtectorPurpose).Unprotect(outboxBody));
    }

    [Fact]
    public async Task DatabaseCopy_StaffCookieForgedWithoutCertificate_IsRefused()
    {
        await SignInCookieAsync(DemoDataSeeder.DemoAccounts[0].Email); // the ring has a key in use
        var copy = KeyRingDatabaseCopy.Take(factory, Scratch("copy.db"));
        var staff = StaffFromCopy(copy.Path);

        var forged = Forge(KeyRingDatabaseCopy.AuthCookieFormat(copy.Provider(Scratch("thief"), createKeys: true)), staff);
        Assert.Equal(HttpStatusCode.Redirect, (await GetDashboardAsync(forged)).StatusCode);

        using var certificate = TestCertificates.Load(factory.Settings["DataProtection:Certificate:Path"]!);
        var withCertificate = Forge(KeyRingDatabaseCopy.AuthCookieFormat(copy.Provider(Scratch("owner"), certificate)), staff);
        Assert.Equal(HttpStatusCode.OK, (await GetDashboardAsync(withCertificate)).StatusCode);
    }

    private async Task<string> SignInCookieAsync(string email)
    {
        using var client = PortalSignIn.AnonymousClient(factory);
        var response = await PortalSignIn.SubmitAsync(client, email, DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return PortalSignIn.AuthCookie(response);
    }

    private Task<HttpResponseMessage> GetDashboardAsync(string authCookie)
        => PortalSignIn.GetWithAuthCookieAsync(factory, "/staff/reset-activity", authCookie);

    /// <summary>A staff member's sign-in ticket made from what the database says about them, as the reviewer forged one.</summary>
    private static string Forge(TicketDataFormat format, (string Id, string UserName, string SecurityStamp) staff)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, staff.Id),
                new Claim(ClaimTypes.Name, staff.UserName),
                new Claim(ClaimTypes.Role, PortalRoles.Staff),
                new Claim("AspNet.Identity.SecurityStamp", staff.SecurityStamp),
            ],
            IdentityConstants.ApplicationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        var now = DateTimeOffset.UtcNow;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) };
        return format.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, IdentityConstants.ApplicationScheme));
    }

    private static (string Id, string UserName, string SecurityStamp) StaffFromCopy(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, UserName, SecurityStamp FROM AspNetUsers WHERE NormalizedEmail = 'STAFF@EXAMPLE.COM'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "the demo staff account is in the copy");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    private string Scratch(string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(factory.DataDirectory, "scratch-" + Guid.NewGuid().ToString("N")));
        return Path.Combine(directory.FullName, name);
    }
}
