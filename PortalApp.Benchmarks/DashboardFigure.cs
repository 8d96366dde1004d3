using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PortalApp.Benchmarks;

/// <summary>Figure 7: the app's own seed-activity command seeds the events into a fresh database and times the dashboard queries.</summary>
internal static partial class DashboardFigure
{
    public static async Task RunAsync(string repoRoot, Report report, bool quick)
    {
        var events = quick ? 100_000 : 1_000_000;
        var folder = Path.Combine(Path.GetTempPath(), "portal-bench", "dashboard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (exit, output) = await Processes.RunAsync("dotnet", repoRoot,
                ["run", "--no-build", "-c", "Release", "--project", "PortalApp", "--", "seed-activity", "--events", events.ToString(System.Globalization.CultureInfo.InvariantCulture), "--days", "180",
                 "--ConnectionStrings:Portal", $"Data Source={Path.Combine(folder, "bench.db")}", "--Seed:DemoData", "false", "--Logging:LogLevel:Default", "Warning"],
                TimeSpan.FromMinutes(15));
            Console.WriteLine(output);
            var match = Together().Match(output);
            if (exit != 0 || !match.Success)
            {
                report.Note("7", $"seed-activity failed (exit {exit})");
                return;
            }

            var median = double.Parse(match.Groups["median"].Value, System.Globalization.CultureInfo.InvariantCulture);
            report.Add("7", Text.Invariant($"dashboard KPIs + chart + first page, {events:N0} events over 180 days (30-day range)"), "<= 150 ms" + (quick ? " (at 1,000,000)" : ""),
                Text.Invariant($"median {median:0.0} ms, p90 {match.Groups["p90"].Value} ms"), quick ? null : median <= 150);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"KPIs \+ chart \+ first log page[^:]*: (?<median>[0-9.,]+) \((?<p90>[0-9.,]+)\)")]
    private static partial Regex Together();
}

internal static class Processes
{
    public static async Task<(int Exit, string Output)> RunAsync(string file, string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
