using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.HelpCenter;
using PortalApp.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PortalApp.Tests.Integration;

/// <summary>
/// Search latency over 5,000 articles (target p95 ≤ 50 ms). Opt-in with <c>HELPCENTER_BENCHMARK=1</c>: a timing
/// on a shared machine is a measurement, not something every run should gate on.
/// </summary>
public sealed class HelpCenterSearchBenchmarkTests(ITestOutputHelper output) : IDisposable
{
    private const int ArticleCount = 5_000;
    private readonly PortalAppFactory factory = new();

    private static readonly string[] CommonWords =
    [
        "password", "reset", "account", "billing", "invoice", "payment", "sign", "email", "browser", "security", "authenticator",
        "profile", "support", "dashboard", "export", "report", "login", "device", "settings", "notification",
    ];

    private static readonly string[] Queries =
    [
        "password", "forgot password", "reset link expired", "invoice", "billing payment", "auth", "pass", "browser support",
        "dashboard export report", "email notification settings", "security", "zzz nothing here", "account profile", "inv",
        "login device", "payment method update",
    ];

    [SkippableFact]
    public async Task Search_FiveThousandArticles_P95UnderFiftyMilliseconds()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("HELPCENTER_BENCHMARK") == "1", "Set HELPCENTER_BENCHMARK=1 to run the search benchmark.");
        await SeedAsync();

        var timings = new List<double>();
        var byQuery = new Dictionary<string, List<double>>();
        var random = new Random(7);
        for (var i = 0; i < 620; i++)
        {
            var request = new HelpSearchRequest(
                Queries[i % Queries.Length],
                i % 4 == 0 ? (HelpCategory)(i % 4) : null,
                i % 5 == 0 ? CommonWords[random.Next(CommonWords.Length)] : null);
            await using var scope = factory.Services.CreateAsyncScope();
            var search = scope.ServiceProvider.GetRequiredService<HelpSearch>();
            var watch = Stopwatch.StartNew();
            await search.SearchAsync(request);
            watch.Stop();
            if (i >= 20)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
                var key = $"{request.Query}|{request.Category}|{request.Tag is not null}";
                (byQuery.TryGetValue(key, out var list) ? list : byQuery[key] = []).Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        double P(double q) => timings[(int)Math.Ceiling(q * timings.Count) - 1];
        output.WriteLine($"searches={timings.Count} p50={P(0.50):F2} ms p95={P(0.95):F2} ms p99={P(0.99):F2} ms max={timings[^1]:F2} ms");
        foreach (var (key, list) in byQuery.OrderByDescending(kv => kv.Value.Average()).Take(8))
        {
            output.WriteLine($"  {key}: mean {list.Average():F1} ms over {list.Count}");
        }

        Assert.True(P(0.95) <= 50, $"p95 was {P(0.95):F2} ms");
    }

    public void Dispose() => factory.Dispose();

    private async Task SeedAsync()
    {
        var random = new Random(42);
        var vocabulary = Enumerable.Range(0, 3_000).Select(i => Word(random)).Concat(CommonWords).ToArray();
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => random.Next(8) == 0 ? CommonWords[random.Next(CommonWords.Length)] : vocabulary[random.Next(vocabulary.Length)]));

        await using var scope = factory.Services.CreateAsyncScope();
        var articles = scope.ServiceProvider.GetRequiredService<HelpArticles>();
        await factory.WithDbAsync(async db =>
        {
            for (var batch = 0; batch < ArticleCount / 500; batch++)
            {
                for (var i = 0; i < 500; i++)
                {
                    var n = batch * 500 + i;
                    var article = new HelpArticle { State = ArticleState.Published, PublishedAt = DateTimeOffset.UnixEpoch };
                    var input = new ArticleInput(Text(8), $"bench-{n}", (HelpCategory)(n % 4),
                        string.Join(',', Enumerable.Range(0, 3).Select(_ => CommonWords[random.Next(CommonWords.Length)])), Text(25), Text(400), "Bench");
                    articles.Apply(article, input, input.Slug, DateTimeOffset.UnixEpoch);
                    db.Add(article);
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            return 0;
        });
    }

    private static string Word(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        return new string(Enumerable.Range(0, random.Next(4, 10)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
    }
}
