using System.Diagnostics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace PortalApp.Benchmarks;

// dotnet run -c Release --project PortalApp.Benchmarks -- quick          reduced set, under 3 minutes
// dotnet run -c Release --project PortalApp.Benchmarks [-- full]         everything at full size
// ... -- quick --only 1,4                                               a subset of figures
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("quick");
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',').ToHashSet();
        bool Runs(string figure) => only is null || only.Contains(figure);

        var repoRoot = RepoRoot();
        var total = Stopwatch.StartNew();
        var report = new Report();
        Console.WriteLine($"PortalApp.Benchmarks, {(quick ? "quick" : "full")} mode; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {File.ReadAllText("/proc/loadavg").Trim()} (loadavg at start)");

        var loads = new Dictionary<int, LoadResult>();
        (Stats Known, Stats Unknown)? portalKnownUnknown = null;
        double? portalResetMedian = null;
        var loadWarmUp = TimeSpan.FromSeconds(quick ? 0.5 : 2);
        var loadDuration = TimeSpan.FromSeconds(quick ? 1.5 : 10);
        int[] concurrencies = [1, 16, 64];
        static string LoadEmail(long n) => n % 2 == 0 ? Text.Invariant($"known{n % 100}@example.com") : Text.Invariant($"unknown-{n}@example.com");
        var knownEmails = Enumerable.Range(0, 100).Select(k => Text.Invariant($"known{k}@example.com")).ToList();

        await Figure("1", () =>
        {
            KeystrokeFigure(report, quick);
            return Task.CompletedTask;
        });

        if (Runs("2") || Runs("3") || Runs("4"))
        {
            await using var host = PortalHost.Start();
            await host.AddCustomersAsync(knownEmails.Select(e => (e, "Known Customer")));
            await Figure("2", () => BrowserFigures.RunAsync(host, report, quick), also: "3");
            await Figure("4", async () =>
            {
                // Warm the forgot path first (JIT tiering, pools, the processor and outbox), as a running portal is:
                // figures 2 and 3 exercise the reset page, not this form.
                await LoadDriver.ForgotAsync(host.Url("Account/ForgotPassword"), 16, TimeSpan.Zero, TimeSpan.FromSeconds(quick ? 3 : 10), LoadEmail);
                foreach (var concurrency in concurrencies)
                {
                    await host.WaitForIdleAsync();
                    var result = await LoadDriver.ForgotAsync(host.Url("Account/ForgotPassword"), concurrency, loadWarmUp, loadDuration, LoadEmail);
                    loads[concurrency] = result;
                    report.Add("4", Text.Invariant($"forgot POST, closed loop, concurrency {concurrency}"), ">= 300 req/s, p95 <= 20 ms",
                        Text.Invariant($"{result.Throughput:0} req/s, median {result.Latency.Median:0.00} ms, p95 {result.Latency.P95:0.00} ms, CPU {result.CpuPerRequest:0.00} ms/request ({result.Errors} errors)"),
                        result.Throughput >= 300 && result.Latency.P95 <= 20 && result.Errors == 0);
                }

                // The target as a service level: 300 requests/s arriving on their own schedule, p95 from arrival.
                await host.WaitForIdleAsync();
                var open = await LoadDriver.ForgotOpenLoopAsync(host.Url("Account/ForgotPassword"), 300, 64, loadWarmUp, loadDuration, LoadEmail);
                report.Add("4", "forgot POST, open loop, 300 req/s offered over up to 64 connections", ">= 300 req/s, p95 <= 20 ms",
                    Text.Invariant($"{open.Throughput:0} req/s, median {open.Latency.Median:0.00} ms, p95 {open.Latency.P95:0.00} ms, p99 {open.Latency.P99:0.00} ms, CPU {open.CpuPerRequest:0.00} ms/request ({open.Errors} errors)"),
                    open.Throughput >= 295 && open.Latency.P95 <= 20 && open.Errors == 0);

                await host.WaitForIdleAsync();
                var pairs = await LoadDriver.KnownVersusUnknownAsync(host.Url("Account/ForgotPassword"), knownEmails[0], quick ? 100 : 500);
                portalKnownUnknown = pairs;
                var gap = Math.Abs(pairs.Known.Median - pairs.Unknown.Median);
                report.Add("4", "known vs unknown email, medians (concurrency 1, alternating)", "within 1 ms",
                    Text.Invariant($"known {pairs.Known.Median:0.00} ms, unknown {pairs.Unknown.Median:0.00} ms, gap {gap:0.00} ms"), gap <= 1);
            });
        }

        await Figure("5", async () => portalResetMedian = await PipelineFigures.RunAsync(report, quick), also: "6");
        await Figure("7", () => DashboardFigure.RunAsync(repoRoot, report, quick));
        await Figure("9", () => HelpSearchFigure.RunAsync(report, quick));
        await Figure("8", async () =>
        {
            var resetEmails = Enumerable.Range(0, quick ? 9 : 31).Select(i => Text.Invariant($"reset{i}@example.com")).ToList();
            await using var template = await StockTemplate.CreateAsync(knownEmails.Concat(resetEmails));
            foreach (var concurrency in concurrencies)
            {
                var result = await LoadDriver.ForgotAsync(template.Url("Account/ForgotPassword"), concurrency, loadWarmUp, loadDuration, LoadEmail);
                report.Add("8", Text.Invariant($"template forgot POST, concurrency {concurrency}"), "", result.ToString());
                if (loads.TryGetValue(concurrency, out var portal))
                {
                    report.Add("8", Text.Invariant($"portal / template, concurrency {concurrency}"), "",
                        Text.Invariant($"throughput x{portal.Throughput / result.Throughput:0.00}, median latency x{portal.Latency.Median / result.Latency.Median:0.00}, p95 x{portal.Latency.P95 / result.Latency.P95:0.00}"));
                }
            }

            var pairs = await LoadDriver.KnownVersusUnknownAsync(template.Url("Account/ForgotPassword"), knownEmails[0], quick ? 100 : 500);
            report.Add("8", "template known vs unknown email, medians", "",
                Text.Invariant($"known {pairs.Known.Median:0.00} ms, unknown {pairs.Unknown.Median:0.00} ms, gap {Math.Abs(pairs.Known.Median - pairs.Unknown.Median):0.00} ms"));

            var resets = await template.CompleteResetsAsync(resetEmails, PipelineFigures.NewPassword);
            report.Add("8", "template reset completion (reset form POST; its default 100,000 PBKDF2 iterations)", "", resets.ToString());
            if (portalResetMedian is { } portalReset)
            {
                report.Add("8", "portal / template reset completion (medians)", "", Text.Invariant($"x{portalReset / resets.Median:0.00} ({portalReset:0.0} ms vs {resets.Median:0.0} ms)"));
            }
        });

        report.Print();
        Console.WriteLine(Text.Invariant($"\nTotal {total.Elapsed.TotalSeconds:0} s; {File.ReadAllText("/proc/loadavg").Trim()} (loadavg at end)"));
        return 0;

        async Task Figure(string figure, Func<Task> run, string? also = null)
        {
            if (!Runs(figure) && (also is null || !Runs(also)))
            {
                return;
            }

            Console.WriteLine(Text.Invariant($"\n== Figure {figure}{(also is null ? "" : " and " + also)} ({total.Elapsed.TotalSeconds:0} s into the run)"));
            try
            {
                await run();
            }
            catch (Exception exception)
            {
                report.Note(figure, "FAILED: " + exception.GetType().Name + ": " + exception.Message.Split('\n')[0]);
                Console.WriteLine(exception);
            }
        }
    }

    private static void KeystrokeFigure(Report report, bool quick)
    {
        var job = (quick
                ? Job.Default.WithWarmupCount(1).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100))
                : Job.Default.WithWarmupCount(3).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)))
            .WithLaunchCount(1)
            .WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.P95, StatisticColumn.Max)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "portal-bench", "BenchmarkDotNet.Artifacts"));
        var summary = BenchmarkRunner.Run<KeystrokeBenchmarks>(config);
        foreach (var benchmark in summary.Reports.Where(r => r.ResultStatistics is not null))
        {
            var statistics = benchmark.ResultStatistics!;
            report.Add("1", Text.Invariant($"BenchmarkDotNet {benchmark.BenchmarkCase.Descriptor.WorkloadMethod.Name} {benchmark.BenchmarkCase.Parameters["Input"]}"), "",
                Text.Invariant($"mean {statistics.Mean / 1e6:0.000} ms, p95 {statistics.Percentiles.P95 / 1e6:0.000} ms, max {statistics.Max / 1e6:0.000} ms (per-iteration means)"));
        }

        var (typical, adversarial, rules) = KeystrokeBenchmarks.PerKeystroke(quick ? 3 : 20);
        report.Add("1", "cheap rules per keystroke (what the checklist waits for), all inputs up to 128 chars", "p99 <= 2 ms", rules.ToString(), rules.P99 <= 2);
        report.Add("1", "full evaluation per keystroke, typical and random inputs <= 32 chars (every prefix typed)", "p99 <= 2 ms", typical.ToString(), typical.P99 <= 2);
        report.Add("1", "full evaluation per keystroke, adversarial inputs 32 and 128 chars (every prefix typed)", "worst <= 20 ms", adversarial.ToString(), adversarial.Max <= 20);
    }

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (Portal.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
