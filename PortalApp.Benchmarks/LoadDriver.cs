using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace PortalApp.Benchmarks;

internal sealed record LoadResult(int Concurrency, int Requests, int Errors, double Seconds, Stats Latency, double CpuMilliseconds = double.NaN)
{
    public double Throughput => Requests / Seconds;

    /// <summary>This process's CPU time per measured request: server, background pipeline and load generator together.</summary>
    public double CpuPerRequest => CpuMilliseconds / Requests;

    public override string ToString() => Text.Invariant($"c={Concurrency}: {Throughput:0} req/s, median {Latency.Median:0.00} ms, p95 {Latency.P95:0.00} ms, p99 {Latency.P99:0.00} ms ({Requests} requests, {Errors} errors)");
}

/// <summary>Closed-loop load on the forgot form: <c>concurrency</c> clients, each posting as soon as its last answer came.</summary>
internal static class LoadDriver
{
    public static async Task<LoadResult> ForgotAsync(string pageUrl, int concurrency, TimeSpan warmUp, TimeSpan duration, Func<long, string> email)
    {
        var clients = await OpenClientsAsync(pageUrl, concurrency);

        var timings = new ConcurrentBag<double>();
        long sequence = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var stopAt = warmUp + duration;
        var cpu = new CpuWindow(measureFrom, stopAt);

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

        return new LoadResult(concurrency, timings.Count, errors, duration.TotalSeconds, new Stats(timings), await cpu.MillisecondsAsync());
    }

    /// <summary>
    /// Open-loop load: requests start on a fixed schedule, <paramref name="rate"/> per second, whether or not the
    /// earlier ones have finished, over at most <paramref name="connections"/> clients. Latency counts from the
    /// scheduled start, so time spent queueing behind a slow answer is in the figure (no coordinated omission).
    /// This is the shape of real traffic: customers do not wait for each other before pressing the button.
    /// </summary>
    public static async Task<LoadResult> ForgotOpenLoopAsync(string pageUrl, double rate, int connections, TimeSpan warmUp, TimeSpan duration, Func<long, string> email)
    {
        var stopAt = warmUp + duration;
        var cpu = new CpuWindow(warmUp, stopAt);
        var posts = await PostOnScheduleAsync(pageUrl, rate, connections, (long)(rate * stopAt.TotalSeconds), email);
        var measured = posts.Where(p => p.Scheduled >= warmUp).ToList();
        var answered = measured.Where(p => p.Latency is not null).Select(p => p.Latency!.Value.TotalMilliseconds).ToList();
        return new LoadResult(connections, answered.Count, measured.Count - answered.Count, duration.TotalSeconds, new Stats(answered), await cpu.MillisecondsAsync());
    }

    /// <summary>
    /// A forgot request sent on schedule: when it was due (from the run's start, and as a Stopwatch timestamp), its
    /// email, and its latency from then (null: it failed).
    /// </summary>
    internal sealed record ScheduledPost(TimeSpan Scheduled, long ScheduledTimestamp, string Email, TimeSpan? Latency);

    /// <summary>
    /// Posts <paramref name="count"/> forgot requests on a fixed schedule, <paramref name="rate"/> per second, whether
    /// or not the earlier ones have been answered, over at most <paramref name="connections"/> clients.
    /// </summary>
    public static async Task<IReadOnlyList<ScheduledPost>> PostOnScheduleAsync(string pageUrl, double rate, int connections, long count, Func<long, string> email)
    {
        var clients = await OpenClientsAsync(pageUrl, connections);
        var pool = Channel.CreateUnbounded<FormClient>();
        foreach (var client in clients)
        {
            pool.Writer.TryWrite(client);
        }

        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        var sends = new List<Task<ScheduledPost>>();
        for (long n = 0; n < count; n++)
        {
            var due = TimeSpan.FromSeconds(n / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var address = email(n);
            sends.Add(Task.Run(() => SendAsync(address, due)));
        }

        var posts = await Task.WhenAll(sends);
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return posts;

        long At(TimeSpan due) => started + (long)(due.TotalSeconds * Stopwatch.Frequency);

        async Task<ScheduledPost> SendAsync(string address, TimeSpan due)
        {
            var client = await pool.Reader.ReadAsync();
            try
            {
                await client.PostAsync(new Dictionary<string, string> { ["Input.Email"] = address });
                return new ScheduledPost(due, At(due), address, clock.Elapsed - due);
            }
            catch (HttpRequestException exception)
            {
                if (Interlocked.Increment(ref errors) == 1)
                {
                    Console.WriteLine($"    first error: {exception.Message}");
                }

                return new ScheduledPost(due, At(due), address, null);
            }
            finally
            {
                pool.Writer.TryWrite(client);
            }
        }
    }

    /// <summary>Clients that have each loaded the forgot page (antiforgery cookie and token), ready to post.</summary>
    private static async Task<List<FormClient>> OpenClientsAsync(string pageUrl, int count)
    {
        var clients = new List<FormClient>();
        for (var i = 0; i < count; i++)
        {
            var client = new FormClient(pageUrl);
            await client.LoadAsync("forgot-password");
            clients.Add(client);
        }

        return clients;
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

/// <summary>This process's CPU time between two moments of a run (from its start), read by timers.</summary>
internal sealed class CpuWindow(TimeSpan from, TimeSpan to)
{
    private readonly Task<TimeSpan> start = At(from);
    private readonly Task<TimeSpan> end = At(to);

    public async Task<double> MillisecondsAsync() => (await end - await start).TotalMilliseconds;

    private static async Task<TimeSpan> At(TimeSpan delay)
    {
        await Task.Delay(delay);
        return Process.GetCurrentProcess().TotalProcessorTime;
    }
}
