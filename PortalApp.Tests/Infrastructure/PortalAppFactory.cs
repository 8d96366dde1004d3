using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh SQLite file in a temporary folder, its key ring encrypted with a test certificate kept
/// there too, as an operator configures it (nothing goes into the repository or the user's profile). Settings go in
/// through <see cref="Settings"/> (applied with UseSetting, so Program sees them while it composes services).
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    public PortalAppFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(DataDirectory, "portal.db")}",
            ["Portal:PublicBaseUrl"] = "http://portal.test/",
            // The rig has no TLS (http://portal.test, SMTP on loopback), also in Production-mode tests; the tests of
            // the refusal set this back to false.
            ["Portal:AllowInsecureTransport"] = "true",
            ["DataProtection:Certificate:Path"] = TestCertificates.WriteKeyRingPfx(DataDirectory),
            ["DataProtection:Certificate:Password"] = TestCertificates.Password,
            ["Email:Transport"] = "Pickup",
            ["Email:PickupDirectory"] = PickupDirectory,
            ["Email:From"] = "Customer Portal <no-reply@portal.test>",
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
            ["Email:Outbox:RetryBaseDelay"] = "00:00:00.200",
            ["Email:Outbox:RetryMaxDelay"] = "00:00:01",
            ["Seed:DemoData"] = "true",
            ["StaffDashboard:SeedDemoActivity"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests share one client IP; the security tests lower these to prove the limits.
            ["RateLimiting:SignIn:PermitLimit"] = "100000",
            ["RateLimiting:Register:PermitLimit"] = "100000",
            ["RateLimiting:ForgotPassword:PermitLimit"] = "100000",
            ["RateLimiting:ResetPassword:PermitLimit"] = "100000",
            ["RateLimiting:ResendConfirmation:PermitLimit"] = "100000",
            ["RateLimiting:ContactSupport:PermitLimit"] = "100000",
            ["RateLimiting:UnmatchedResetLink:PermitLimit"] = "100000",
        };
    }

    public string DataDirectory { get; }

    public string PickupDirectory => Path.Combine(DataDirectory, "mail");

    public string EnvironmentName { get; set; } = "Development";

    public Dictionary<string, string?> Settings { get; }

    /// <summary>Service overrides applied after the app's own registrations (e.g. a <c>FakeTimeProvider</c>).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    /// <summary>Routes email to a real SMTP server on loopback.</summary>
    public PortalAppFactory WithSmtp(TestSmtpServer smtp)
    {
        Settings["Email:Transport"] = "Smtp";
        Settings["Email:Smtp:Host"] = "127.0.0.1";
        Settings["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Email:Smtp:Security"] = "None";
        return this;
    }

    public T GetService<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs <paramref name="action"/> with a DbContext of the app's database.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await action(db);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (ConfigureTestServices is not null)
        {
            builder.ConfigureServices(ConfigureTestServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
