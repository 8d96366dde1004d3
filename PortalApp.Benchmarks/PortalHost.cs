using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Features.PasswordReset;

namespace PortalApp.Benchmarks;

/// <summary>
/// The portal on a real Kestrel port in this process (so its managed heap can be measured), over a fresh SQLite
/// file, sending email to a loopback SMTP server, with every throttle opened wide so the figures measure work, not limits.
/// </summary>
internal sealed class PortalHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    private PortalHost(SmtpSink smtp, string baseUrl)
    {
        Smtp = smtp;
        BaseUrl = baseUrl;
        DataDirectory = Path.Combine(Path.GetTempPath(), "portal-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(DataDirectory, "portal.db")}",
            ["Portal:PublicBaseUrl"] = baseUrl,
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "Customer Portal <no-reply@portal.test>",
            ["Seed:DemoData"] = "false",
            ["StaffDashboard:SeedDemoActivity"] = "false",
            ["PasswordReset:MaxRequestsPerIp"] = "100000000",
            ["PasswordReset:MaxLinksPerAccount"] = "100000000",
            ["Logging:LogLevel:Default"] = "Warning",

        };

        // Generous limits for the per-IP rate limiter: the load comes from one address.
        foreach (var limit in new[] { "SignIn", "Register", "ForgotPassword", "ResetPassword", "ResendConfirmation" })
        {
            settings[$"RateLimiting:{limit}:PermitLimit"] = "1000000";
        }
    }

    public SmtpSink Smtp { get; }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public string Url(string relative) => BaseUrl + relative.TrimStart('/');

    public static PortalHost Start()
    {
        var smtp = new SmtpSink();
        smtp.Start();
        var port = SmtpSink.FreePort();
        var host = new PortalHost(smtp, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        host.UseKestrel(port);
        host.StartServer();
        return host;
    }

    /// <summary>Adds confirmed customers straight to the database (no password: hashing 1,000 of them would take minutes).</summary>
    public async Task AddCustomersAsync(IEnumerable<(string Email, string FullName)> customers)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        foreach (var (email, fullName) in customers)
        {
            db.Users.Add(new PortalUser
            {
                UserName = email,
                NormalizedUserName = normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email),
                EmailConfirmed = true,
                FullName = fullName,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Waits until the background pipeline has caught up (no reset request waiting for the processor, no email
    /// waiting for the outbox), so one measurement does not pay for the work the previous one left behind.
    /// </summary>
    public async Task WaitForIdleAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var busy = await db.ResetRequests.AnyAsync(r => r.Status == ResetRequestStatus.Requested)
                || await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending);
            if (!busy)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The portal's reset pipeline did not catch up within 2 minutes.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
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
