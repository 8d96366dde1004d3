using System.Globalization;
using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>
/// Generates believable reset traffic for demos and benchmarks: consistent lifecycles (every event in order and
/// recorded on its request, so the status is what the lifecycle makes of them), a daily rhythm, some unknown/throttled/failed/expired requests, and a
/// couple of hot accounts and IP addresses. Addresses use example domains and documentation IP ranges.
/// </summary>
internal sealed class SyntheticResetActivity(int seed)
{
    private static readonly string[] FirstNames = ["alex", "sam", "jordan", "taylor", "morgan", "casey", "riley", "jamie", "drew", "avery", "quinn", "robin", "kai", "noor", "li", "mateo", "sofia", "amir", "lena", "omar"];
    private static readonly string[] LastNames = ["smith", "garcia", "chen", "novak", "okafor", "silva", "khan", "muller", "rossi", "kim", "haddad", "larsen", "dubois", "tanaka", "kowalski"];
    private static readonly string[] Domains = ["example.com", "example.org", "example.net"];

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    ];

    private const string ScriptUserAgent = "python-requests/2.32.3";

    private readonly Random random = new(seed);
    private readonly string[] customers = BuildCustomers(new Random(seed + 1), 400);

    /// <summary>Requests (with their events) created between <paramref name="from"/> and <paramref name="to"/>, oldest first; no event lies after <paramref name="now"/>.</summary>
    public IEnumerable<(ResetRequest Request, List<ResetActivityEvent> Events)> Generate(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, double requestsPerDay)
    {
        var hotAccount = customers[7];
        var hotIp = "203.0.113.66";
        var scriptIp = "198.51.100.23";
        var cursor = from;
        while (true)
        {
            // Busier in the (UTC) daytime: a simple daily rhythm around the average rate.
            var hour = cursor.Hour + (cursor.Minute / 60.0);
            var rhythm = 0.35 + (1.3 * Math.Max(0, Math.Sin((hour - 6) / 24 * 2 * Math.PI)));
            var perSecond = requestsPerDay * rhythm / 86_400;
            cursor = cursor.AddSeconds(-Math.Log(1 - random.NextDouble()) / perSecond);
            if (cursor >= to)
            {
                yield break;
            }

            var roll = random.NextDouble();
            if (roll < 0.04)
            {
                // Someone hammering one account: most of these get throttled.
                yield return Lifecycle(cursor, now, hotAccount, known: true, hotIp, UserAgents[4], forceThrottle: random.NextDouble() < 0.6);
            }
            else if (roll < 0.1)
            {
                // A script trying many addresses from one IP: mostly unknown accounts.
                var email = random.NextDouble() < 0.7 ? RandomAddress() : customers[random.Next(customers.Length)];
                yield return Lifecycle(cursor, now, email, known: !email.StartsWith("user", StringComparison.Ordinal), scriptIp, ScriptUserAgent, forceThrottle: random.NextDouble() < 0.2);
            }
            else if (roll < 0.16)
            {
                yield return Lifecycle(cursor, now, RandomAddress(), known: false, RandomIp(), RandomAgent(), forceThrottle: false);
            }
            else
            {
                yield return Lifecycle(cursor, now, customers[random.Next(customers.Length)], known: true, RandomIp(), RandomAgent(), forceThrottle: random.NextDouble() < 0.02);
            }
        }
    }

    private (ResetRequest, List<ResetActivityEvent>) Lifecycle(DateTimeOffset at, DateTimeOffset now, string email, bool known, string ip, string userAgent, bool forceThrottle)
    {
        var request = new ResetRequest
        {
            Id = Guid.CreateVersion7(at),
            CreatedAt = at,
            Email = email,
            UserId = known ? "demo-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)))[..24].ToLowerInvariant() : null,
            IpAddress = ip,
            UserAgent = userAgent,
        };
        var steps = new Steps(request, at, now);
        steps.Record(ResetActivityType.Requested, TimeSpan.Zero);
        if (!known)
        {
            steps.Record(ResetActivityType.UnknownAccount, Seconds(0.2, 3));
        }
        else if (forceThrottle)
        {
            steps.Record(ResetActivityType.Throttled, Seconds(0.2, 3));
        }
        else
        {
            steps.Record(ResetActivityType.EmailQueued, Seconds(0.2, 3));
            request.IssuedAt = steps.At;
            request.ExpiresAt = steps.At.AddMinutes(60);
            Delivery(steps, request);
        }

        return (request, steps.Events);
    }

    private void Delivery(Steps steps, ResetRequest request)
    {
        if (random.NextDouble() < 0.03)
        {
            steps.Record(ResetActivityType.EmailFailed, Seconds(30, 600), "550 mailbox unavailable");
            return;
        }

        steps.Record(ResetActivityType.EmailSent, Seconds(1, 25));
        var outcome = random.NextDouble();
        if (outcome < 0.14)
        {
            Expiry(steps, request, random.NextDouble() < 0.3);
            return;
        }

        // Most people open the link within minutes; a long tail takes most of the hour.
        steps.Record(ResetActivityType.LinkOpened, TimeSpan.FromSeconds(Math.Min(3300, 30 + (-Math.Log(1 - random.NextDouble()) * 420))));
        if (outcome < 0.2)
        {
            Expiry(steps, request, false);
            return;
        }

        if (random.NextDouble() < 0.15)
        {
            steps.Record(ResetActivityType.RejectedByPolicy, Seconds(20, 90), "not-common");
        }

        if (steps.Record(ResetActivityType.Completed, Seconds(25, 240)))
        {
            request.ConsumedAt = steps.At;
        }

        if (random.NextDouble() < 0.04)
        {
            steps.Record(ResetActivityType.InvalidLink, TimeSpan.FromMinutes(5 + (random.NextDouble() * 600)));
        }
    }

    private void Expiry(Steps steps, ResetRequest request, bool triedLate)
    {
        steps.Record(ResetActivityType.LinkExpired, request.ExpiresAt!.Value - steps.At + TimeSpan.FromSeconds(random.Next(1, 300)));
        if (triedLate)
        {
            steps.Record(ResetActivityType.ExpiredLinkUsed, TimeSpan.FromMinutes(10 + (random.NextDouble() * 900)));
        }
    }

    private TimeSpan Seconds(double min, double max) => TimeSpan.FromSeconds(min + (random.NextDouble() * (max - min)));

    private string RandomAddress() => string.Create(CultureInfo.InvariantCulture, $"user{random.Next(100_000)}@{Domains[random.Next(Domains.Length)]}");

    private string RandomIp() => random.Next(3) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"192.0.2.{random.Next(1, 255)}"),
        1 => string.Create(CultureInfo.InvariantCulture, $"198.51.100.{random.Next(1, 255)}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"2001:db8::{random.Next(1, 0xffff):x}"),
    };

    private string RandomAgent() => UserAgents[random.Next(UserAgents.Length)];

    private static string[] BuildCustomers(Random random, int count) =>
        Enumerable.Range(0, count)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{FirstNames[random.Next(FirstNames.Length)]}.{LastNames[random.Next(LastNames.Length)]}{i}@{Domains[random.Next(Domains.Length)]}"))
            .ToArray();

    /// <summary>A request's steps in order, each recorded on it; a step after <c>now</c> has not happened yet, nor has any after it.</summary>
    private sealed class Steps(ResetRequest request, DateTimeOffset start, DateTimeOffset now)
    {
        public DateTimeOffset At { get; private set; } = start;

        public List<ResetActivityEvent> Events { get; } = [];

        /// <summary>Moves the clock on by <paramref name="after"/> and records the step if that is not in the future; says whether it did.</summary>
        public bool Record(ResetActivityType type, TimeSpan after, string? detail = null)
        {
            At += after;
            if (At > now)
            {
                return false;
            }

            Events.Add(request.Record(type, At, detail));
            return true;
        }
    }
}
