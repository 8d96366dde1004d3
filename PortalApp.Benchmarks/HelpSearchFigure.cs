using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.HelpCenter;

namespace PortalApp.Benchmarks;

/// <summary>Figure 9 (issue 8): help-center search over 5,000 articles, target p95 ≤ 50 ms.</summary>
internal static class HelpSearchFigure
{
    private const int ArticleCount = 5_000;

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

    public static async Task RunAsync(Report report, bool quick)
    {
        await using var host = PortalHost.Start();
        await SeedAsync(host.Services);

        var timings = new List<double>();
        var random = new Random(7);
        var searches = quick ? 220 : 620;
        for (var i = 0; i < searches; i++)
        {
            var request = new HelpSearchRequest(
                Queries[i % Queries.Length],
                i % 4 == 0 ? (HelpCategory)(i % 4) : null,
                i % 5 == 0 ? CommonWords[random.Next(CommonWords.Length)] : null);
            await using var scope = host.Services.CreateAsyncScope();
            var search = scope.ServiceProvider.GetRequiredService<HelpSearch>();
            var watch = Stopwatch.StartNew();
            await search.SearchAsync(request);
            watch.Stop();
            if (i >= 20)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var stats = new Stats(timings);
        report.Add("9", Text.Invariant($"help search over {ArticleCount:N0} articles (keywords, category and tag filters)"), "p95 <= 50 ms", stats.ToString(), stats.P95 <= 50);
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        var random = new Random(42);
        var vocabulary = Enumerable.Range(0, 3_000).Select(_ => Word(random)).Concat(CommonWords).ToArray();
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => random.Next(8) == 0 ? CommonWords[random.Next(CommonWords.Length)] : vocabulary[random.Next(vocabulary.Length)]));

        await using var scope = services.CreateAsyncScope();
        var articles = scope.ServiceProvider.GetRequiredService<HelpArticles>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        for (var batch = 0; batch < ArticleCount / 500; batch++)
        {
            for (var i = 0; i < 500; i++)
            {
                var n = batch * 500 + i;
                var article = new HelpArticle { State = ArticleState.Published, PublishedAt = DateTimeOffset.UnixEpoch };
                var input = new ArticleInput(Words(8), $"bench-{n}", (HelpCategory)(n % 4),
                    string.Join(',', Enumerable.Range(0, 3).Select(_ => CommonWords[random.Next(CommonWords.Length)])), Words(25), Words(400), "Bench");
                articles.Apply(article, input, input.Slug, DateTimeOffset.UnixEpoch);
                db.Add(article);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static string Word(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        return new string(Enumerable.Range(0, random.Next(4, 10)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
    }
}
