using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

/// <summary>
/// The app as a real process, killed with SIGKILL while its dispatcher is sending to a real SMTP server, then
/// restarted: every queued email is delivered at least once. (SMTP down then back: <c>Email/OutboxSmtpTests</c>.)
/// </summary>
[Trait("Category", "Security")]
// CPU-heavy: kept out of the way of the browser tests, whose circuits must connect within their timeouts on 2 cores.
[Collection(BrowserCollection.Name)]
public sealed class CrashRecoverySecurityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 400;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "portal-tests", "crash-" + Guid.NewGuid().ToString("N"));
    private readonly TestSmtpServer smtp = new();

    private string ConnectionString => $"Data Source={Path.Combine(directory, "portal.db")}";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(ConnectionString).Options;
        await using var db = new PortalDbContext(options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Messages; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(),
                Kind = "test",
                ToAddress = $"crash{i}@example.com",
                ToName = $"Customer {i}",
                Subject = $"Crash test {i}",
                HtmlBody = $"<p>Hello {i}</p>",
                TextBody = $"Hello {i}",
                Status = OutboxStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        await db.SaveChangesAsync();
        smtp.Start();
    }

    [Fact]
    public async Task Dispatcher_SigkillWhileSending_AfterRestartEveryEmailDeliveredAtLeastOnce()
    {
        using (var first = StartApp())
        {
            await Poll.UntilAsync(() => Task.FromResult(smtp.Messages.Count), n => n >= 20, "the dispatcher to be sending", TimeSpan.FromSeconds(60));
            first.Kill(); // SIGKILL on Linux: no shutdown, no cleanup, claims left in place
            await first.WaitForExitAsync();
        }

        var atKill = smtp.Messages.Count;
        Assert.True(atKill < Messages, $"all {Messages} were sent before the kill; the test proved nothing");

        using var second = StartApp();
        try
        {
            var delivered = await Poll.UntilAsync(
                () => Task.FromResult(smtp.Messages.Select(m => m.Subject).Distinct().Count()), n => n == Messages, "every email after the restart", TimeSpan.FromSeconds(90));
            var total = smtp.Messages.Count;
            output.WriteLine($"{Messages} queued; {atKill} delivered before SIGKILL; after restart {delivered} distinct delivered, {total - delivered} duplicates");
            Assert.Equal(Messages, delivered);
        }
        finally
        {
            second.Kill();
            await second.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Process StartApp()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = false, RedirectStandardError = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PortalApp.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Portal"] = ConnectionString;
        start.Environment["Portal__PublicBaseUrl"] = "https://portal.example.com/";
        start.Environment["DataProtection__Certificate__Path"] = TestCertificates.WriteKeyRingPfx(directory);
        start.Environment["DataProtection__Certificate__Password"] = TestCertificates.Password;
        start.Environment["Seed__DemoData"] = "false";
        start.Environment["Email__Transport"] = "Smtp";
        start.Environment["Email__From"] = "Customer Portal <no-reply@portal.test>";
        start.Environment["Email__Smtp__Host"] = "127.0.0.1";
        start.Environment["Email__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Email__Smtp__Security"] = "None";
        start.Environment["Portal__AllowInsecureTransport"] = "true";
        start.Environment["Email__Outbox__BatchSize"] = "10";
        start.Environment["Email__Outbox__PollInterval"] = "00:00:00.200";
        start.Environment["Email__Outbox__ClaimTimeout"] = "00:00:03";
        start.Environment["Email__Outbox__RetryBaseDelay"] = "00:00:00.200";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }
}
