using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Data;

/// <summary>SQLite under 50 concurrent writers (forgot requests and activity events together): nobody sees "database is locked".</summary>
[Trait("Category", "Security")]
// CPU-heavy: kept out of the way of the browser tests, whose circuits must connect within their timeouts on 2 cores.
[Collection(BrowserCollection.Name)]
public sealed class ConcurrencySecurityTests : IDisposable
{
    private const int Writers = 50;
    private const int Rounds = 2;
    private readonly PortalAppFactory factory = new();
    private readonly CapturedLogs logs;
    private readonly ITestOutputHelper output;

    public ConcurrencySecurityTests(ITestOutputHelper output)
    {
        this.output = output;
        logs = CapturedLogs.AttachTo(factory);
        factory.Settings["Logging:LogLevel:Default"] = "Warning";
        factory.Settings["Logging:LogLevel:Microsoft"] = "Warning";
        factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
    }

    [Fact]
    public async Task FiftyConcurrentWriters_ForgotRequestsAndActivityEvents_NoneFailsWithDatabaseLocked()
    {
        using var warmup = PortalSignIn.AnonymousClient(factory);
        await warmup.GetAsync("/Account/ForgotPassword");
        var failures = new ConcurrentQueue<string>();
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();

        for (var round = 0; round < Rounds; round++)
        {
            var r = round;
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
            {
                var started = Stopwatch.StartNew();
                try
                {
                    if (i % 2 == 0)
                    {
                        using var client = PortalSignIn.AnonymousClient(factory);
                        var response = await StaticForm.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = $"writer-{r}-{i}@example.com" });
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            failures.Enqueue($"forgot {(int)response.StatusCode}");
                        }
                    }
                    else
                    {
                        await using var scope = factory.Services.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<ResetPasswordService>().OpenAsync($"not-a-token-{r}-{i}", new ClientInfo("203.0.113.1", "writer"));
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.GetType().Name + ": " + e.Message);
                }

                latencies.Add(started.Elapsed.TotalMilliseconds);
            })));
        }

        var total = clock.Elapsed;
        var sorted = latencies.Order().ToList();
        var journal = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        output.WriteLine($"{Writers * Rounds} writes by {Writers} concurrent writers in {total.TotalSeconds:0.0} s; latency median {sorted[sorted.Count / 2]:0} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:0} ms, max {sorted[^1]:0} ms; journal_mode={journal.Single()}");

        Assert.Empty(failures);
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains("database is locked", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("wal", journal.Single());
        Assert.Equal(Writers / 2 * Rounds, await factory.WithDbAsync(db => db.ResetRequests.CountAsync(r => r.Email.StartsWith("writer-"))));
        Assert.Equal(Writers / 2 * Rounds, await factory.WithDbAsync(db => db.ResetActivityEvents.CountAsync(e => e.Type == ResetActivityType.InvalidLink && e.UserAgent == "writer")));
    }

    public void Dispose()
    {
        factory.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
