using System.Collections.Concurrent;
using System.Diagnostics;

namespace PortalApp.Benchmarks;

internal sealed record LoadResult(int Concurrency, int Requests, int Errors, double Seconds, Stats Latency)
{
    public double Throughput => Requests / Seconds;

    public override string ToString() => Text.Invariant($"c={Concurrency}: {Throughput:0} req/s, median {Latency.Median:0.00} ms, p95 {Latency.P95:0.00} ms, p99 {Latency.P99:0.00} ms ({Requests} requests, {Errors} errors)");
}

/// <summary>Closed-loop load on the forgot form: <c>concurrency</c> clients, each posting as soon as its last answer came.</summary>
internal static class LoadDriver
{
    public static async Task<LoadResult> ForgotAsync(string pageUrl, int concurrency, TimeSpan warmUp, TimeSpan duration, Func<long, string> email)
    {
        var clients = new List<FormClient>();
        for (var i = 0; i < concurrency; i++)
        {
            var client = new FormClient(pageUrl);
            await client.LoadAsync("forgot-password");
            clients.Add(client);
        }

        var timings = new ConcurrentBag<double>();
        long sequence = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var stopAt = warmUp + duration;

        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            while (clock.Elapsed < stopAt)
            {
                var n = Interlocked.Increment(ref sequence);
                try
                {
                    var ms = await client.PostAsync(new Dictionary<string, string> { ["Input.Email"] = email(n) });
                    var finished = clock.Elapsed;
                    if (finished >= measureFrom && finished <= stopAt)
                    {
                        timings.Add(ms);
                    }
                }
                catch (HttpRequestException exception)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        Console.WriteLine($"    first error: {exception.Message}");
                    }
                }
            }
        })));

        foreach (var client in clients)
        {
            client.Dispose();
        }

        return new LoadResult(concurrency, timings.Count, errors, duration.TotalSeconds, new Stats(timings));
    }

    /// <summary>One client alternating a known and an unknown address, so both see the same conditions.</summary>
    public static async Task<(Stats Known, Stats Unknown)> KnownVersusUnknownAsync(string pageUrl, string knownEmail, int pairs)
    {
        using var client = new FormClient(pageUrl);
        await client.LoadAsync("forgot-password");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < pairs + 20; i++)
        {
            var k = await client.PostAsync(new Dictionary<string, string> { ["Input.Email"] = knownEmail });
            var u = await client.PostAsync(new Dictionary<string, string> { ["Input.Email"] = Text.Invariant($"nobody-{i}-{Guid.NewGuid():N}@example.com") });
            if (i >= 20)
            {
                known.Add(k);
                unknown.Add(u);
            }
        }

        return (new Stats(known), new Stats(unknown));
    }
}
