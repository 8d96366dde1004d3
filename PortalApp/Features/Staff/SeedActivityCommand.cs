using System.Diagnostics;
using System.Globalization;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Staff;

/// <summary>
/// <c>dotnet run -c Release --project PortalApp -- seed-activity --events 1000000 [--days 180] [--runs 20]</c>:
/// appends synthetic reset activity (use a separate database, e.g. <c>--ConnectionStrings:Portal "Data Source=App_Data/bench.db"</c>),
/// then measures the dashboard's queries (KPIs + chart + first log page) for the last 30 days. <c>--events 0</c> only measures.
/// </summary>
internal static class SeedActivityCommand
{
    private const string Verb = "seed-activity";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var events = Number(args, "--events", 1_000_000);
        var days = Number(args, "--days", 180);
        var runs = Number(args, "--runs", 20);
        if (events < 0 || days < 1 || runs < 1)
        {
            Console.Error.WriteLine($"Usage: dotnet run --project PortalApp -- {Verb} --events 1000000 [--days 180] [--runs 20]");
            return 2;
        }

        await app.InitializePortalDatabaseAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (events > 0)
            {
                var clock = Stopwatch.StartNew();
                var (requests, written) = await scope.ServiceProvider.GetRequiredService<ResetActivitySeeder>().SeedBulkAsync(events, days);
                Console.WriteLine($"Seeded {written:N0} events for {requests:N0} requests over {days} days in {clock.Elapsed.TotalSeconds:N1} s.");
            }
        }

        var queries = app.Services.GetRequiredService<ResetActivityQueries>();
        var logs = app.Services.GetRequiredService<RequestLogQueries>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var range = ActivityRange.For(ActivityRangePreset.Last30Days, now);
        var log = new RequestLogQuery(new RequestLogFilter(range));
        var together = await MeasureAsync(runs, () => Task.WhenAll(queries.GetKpisAsync(range), queries.GetChartAsync(range), logs.GetLogPageAsync(log)));
        var page = await MeasureAsync(runs, () => Task.WhenAll(queries.GetOverviewAsync(range), logs.GetLogPageAsync(log)));
        var kpisOnly = await MeasureAsync(runs, () => queries.GetKpisAsync(range));
        var chartOnly = await MeasureAsync(runs, () => queries.GetChartAsync(range));
        var logOnly = await MeasureAsync(runs, () => logs.GetLogPageAsync(log));
        var watchOnly = await MeasureAsync(runs, () => queries.GetWatchListAsync(range));

        var kpis = await queries.GetKpisAsync(range);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            30-day range: {kpis.Requested:N0} requests, {kpis.Completed:N0} completed; {runs} warm runs each, median (p90) in ms:
              KPIs + chart + first log page (concurrently, as the page loads them): {together}
              whole page (KPIs + chart + watch list + first log page, concurrently): {page}
              KPIs alone (incl. median time to complete): {kpisOnly}
              chart alone: {chartOnly}
              first log page alone (incl. total count): {logOnly}
              watch list alone: {watchOnly}
            """));
        return 0;
    }

    private static async Task<string> MeasureAsync(int runs, Func<Task> query)
    {
        var timings = new List<double>();
        for (var i = 0; i < runs + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            if (i >= 2)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"{timings[timings.Count / 2]:N1} ({timings[(int)(timings.Count * 0.9)]:N1})");
    }

    private static int Number(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
