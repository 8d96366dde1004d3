using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;

namespace PortalApp.Benchmarks;

/// <summary>Figures 5 and 6: forgot form to delivered email for many customers at once, then completing resets.</summary>
internal static partial class PipelineFigures
{
    public const string NewPassword = "Quartz-Meadow-Lantern-81!";

    public static async Task<double?> RunAsync(Report report, bool quick)
    {
        var customers = quick ? 200 : 1000;
        await using var host = PortalHost.Start();
        var emails = Enumerable.Range(0, customers).Select(i => Text.Invariant($"customer{i:0000}@example.com")).ToList();
        await host.AddCustomersAsync(emails.Select((e, i) => (e, Text.Invariant($"Customer Number{i}"))));

        // Warm-up, as a running portal would be: JIT and tiering of the form, processor, renderer and outbox
        // paths happen once per process, not per email. 100 resets for other customers, delivered before the clock starts.
        var warmUp = Enumerable.Range(0, 100).Select(i => Text.Invariant($"warmup{i:000}@example.com")).ToList();
        await host.AddCustomersAsync(warmUp.Select(e => (e, "Warm Up")));
        using (var form = new FormClient(host.Url("Account/ForgotPassword")))
        {
            await form.LoadAsync("forgot-password");
            foreach (var email in warmUp)
            {
                await form.PostAsync(new Dictionary<string, string> { ["Input.Email"] = email });
            }
        }

        await host.Smtp.WaitForCountAsync(warmUp.Count, TimeSpan.FromMinutes(2));
        await Task.Delay(500);

        var requestedAt = new ConcurrentDictionary<string, long>();
        var queue = new ConcurrentQueue<string>(emails);
        const int concurrency = 16;
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            using var form = new FormClient(host.Url("Account/ForgotPassword"));
            await form.LoadAsync("forgot-password");
            while (queue.TryDequeue(out var email))
            {
                requestedAt[email] = Stopwatch.GetTimestamp();
                await form.PostAsync(new Dictionary<string, string> { ["Input.Email"] = email });
            }
        })));
        var posted = Stopwatch.GetElapsedTime(start);
        await host.Smtp.WaitForCountAsync(warmUp.Count + customers, TimeSpan.FromMinutes(5));
        var cpuPerEmail = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds / customers;
        var deliveries = host.Smtp.Deliveries.Where(d => requestedAt.ContainsKey(d.To)).ToList();
        var last = deliveries.Max(d => d.ArrivedAt);
        var seconds = Stopwatch.GetElapsedTime(start, last).TotalSeconds;
        var latency = new Stats(deliveries.Select(d => Stopwatch.GetElapsedTime(requestedAt[d.To], d.ArrivedAt).TotalMilliseconds));
        var rate = deliveries.Count / seconds;
        report.Add("5", Text.Invariant($"{customers} reset emails{(quick ? " (quick mode; the full run sends 1,000)" : "")} to loopback SMTP (16 clients posting; all posted in {posted.TotalSeconds:0.0} s)"), ">= 200 emails/s", Text.Invariant($"{rate:0} emails/s over {host.Smtp.SessionCount} SMTP connection(s); CPU {cpuPerEmail:0.0} ms per email (forgot POST, processor, outbox, sink and clients together)"), rate >= 200);
        report.Add("5", Text.Invariant($"request -> delivery, the burst above ({customers / posted.TotalSeconds:0} requests/s arriving)"), "p95 <= 1000 ms", Text.Invariant($"median {latency.Median:0} ms, p95 {latency.P95:0} ms, max {latency.Max:0} ms"), latency.P95 <= 1000);

        var paced = await PacedAsync(host, customers, ratePerSecond: 200, already: warmUp.Count + customers);
        report.Add("5", Text.Invariant($"request -> delivery, {customers} requests arriving at 200/s (the target rate, open loop)"), "p95 <= 1000 ms",
            Text.Invariant($"median {paced.Median:0} ms, p95 {paced.P95:0} ms, max {paced.Max:0} ms"), paced.P95 <= 1000);

        return await CompletionAsync(host, deliveries, report, quick ? 8 : 30);
    }

    /// <summary>
    /// The same number of reset requests for other customers, arriving on a fixed schedule at <paramref name="ratePerSecond"/>
    /// (over 16 connections, whether or not earlier answers came); latency from each request's scheduled time to its email.
    /// </summary>
    private static async Task<Stats> PacedAsync(PortalHost host, int customers, double ratePerSecond, int already)
    {
        var emails = Enumerable.Range(0, customers).Select(i => Text.Invariant($"paced{i:0000}@example.com")).ToList();
        await host.AddCustomersAsync(emails.Select((e, i) => (e, Text.Invariant($"Paced Customer{i}"))));
        await host.WaitForIdleAsync();
        var posts = await LoadDriver.PostOnScheduleAsync(host.Url("Account/ForgotPassword"), ratePerSecond, 16, customers, n => emails[(int)n]);
        var scheduledAt = posts.ToDictionary(p => p.Email, p => p.ScheduledTimestamp);
        await host.Smtp.WaitForCountAsync(already + customers, TimeSpan.FromMinutes(5));
        return new Stats(host.Smtp.Deliveries.Where(d => scheduledAt.ContainsKey(d.To))
            .Select(d => Stopwatch.GetElapsedTime(scheduledAt[d.To], d.ArrivedAt).TotalMilliseconds));
    }

    /// <summary>Figure 6: a completed reset against the bare PBKDF2 hash it contains. Returns the median completion (ms).</summary>
    private static async Task<double?> CompletionAsync(PortalHost host, List<SmtpSink.Delivery> deliveries, Report report, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ResetPasswordService>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalUser>>();
        var iterations = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>().Value.IterationCount;
        var client = new ClientInfo("127.0.0.1", "PortalApp.Benchmarks");
        var tokens = deliveries.Select(d => Token().Match(d.TextBody)).Where(m => m.Success).Select(m => Uri.UnescapeDataString(m.Groups["token"].Value)).ToList();
        var hashes = new List<double>();
        var resets = new List<double>();
        var user = new PortalUser();
        for (var i = 0; i < count + 1 && i < tokens.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            hasher.HashPassword(user, NewPassword);
            var hash = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            var result = await service.CompleteAsync(tokens[i], NewPassword, client);
            var reset = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (result.Outcome != ResetOutcome.Completed)
            {
                throw new InvalidOperationException($"Reset {i} ended {result.Outcome}: {string.Join("; ", result.Errors)}");
            }

            if (i > 0)
            {
                hashes.Add(hash);
                resets.Add(reset);
            }
        }

        var bare = new Stats(hashes);
        var completed = new Stats(resets);
        var overhead = (completed.Median - bare.Median) / bare.Median * 100;
        report.Add("6", Text.Invariant($"bare PBKDF2 hash, {iterations:N0} iterations"), "", bare.ToString());
        report.Add("6", "completed reset (token check, policy, hash, stamp, events, outbox)", "", completed.ToString());
        report.Add("6", "reset overhead over the bare hash (medians)", "<= 10 %", Text.Invariant($"{overhead:0.0} % ({completed.Median - bare.Median:0.0} ms)"), overhead <= 10);
        return completed.Median;
    }

    [GeneratedRegex(@"/Account/ResetPassword\?token=(?<token>[^\s<>""&]+)")]
    private static partial Regex Token();
}
