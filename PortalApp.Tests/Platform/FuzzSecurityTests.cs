using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PortalApp.Features.Account;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

/// <summary>
/// Ten thousand generated junk inputs against sign-in, register, forgot and reset: no 5xx, no exception, no Error log.
/// PBKDF2 runs at 1,000 iterations here: the subject is input handling, not hashing cost.
/// </summary>
[Trait("Category", "Security")]
// CPU-heavy: kept out of the way of the browser tests, whose circuits must connect within their timeouts on 2 cores.
[Collection(BrowserCollection.Name)]
public sealed partial class FuzzSecurityTests : IDisposable
{
    private const int Seed = 20260611;
    private readonly PortalAppFactory factory = new();
    private readonly CapturedLogs logs;
    private readonly ITestOutputHelper output;

    public FuzzSecurityTests(ITestOutputHelper output)
    {
        this.output = output;
        logs = CapturedLogs.AttachTo(factory);
        factory.Settings["Logging:LogLevel:Default"] = "Warning";
        factory.Settings["Logging:LogLevel:Microsoft"] = "Warning";
        factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        factory.Settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Warning";
        factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning";
        var previous = factory.ConfigureTestServices;
        factory.ConfigureTestServices = services =>
        {
            previous?.Invoke(services);
            services.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        };
    }

    [Fact]
    public async Task AccountForms_TenThousandJunkInputs_NoServerErrorsNoExceptionsNoErrorLogs()
    {
        var clock = Stopwatch.StartNew();
        var realToken = await RealTokenAsync();
        var junk = new JunkInputs(Seed, realToken);
        var counts = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();

        var plan = new (string Target, int Count, Func<HttpClient, string, Random, Task> Send)[]
        {
            ("login", 2_600, async (client, token, random) => await Expect5xxFree(failures, "login", await PostAsync(client, "/Account/Login", token, "login", ("Input.Email", junk.Email(random)), ("Input.Password", junk.Any(random))))),
            ("forgot", 2_600, async (client, token, random) => await Expect5xxFree(failures, "forgot", await PostAsync(client, "/Account/ForgotPassword", token, "forgot-password", ("Input.Email", junk.Email(random))))),
            ("reset-get", 2_000, async (client, _, random) => await Expect5xxFree(failures, "reset-get", await client.GetAsync("/Account/ResetPassword?token=" + Encode(junk.Token(random))))),
            ("reset-submit", 1_400, async (_, _, random) => await ServiceAsync(failures, "reset-submit", sp => sp.GetRequiredService<ResetPasswordService>().CompleteAsync(junk.Token(random), junk.Any(random), new ClientInfo(junk.Ip(random), junk.Any(random))))),
            ("register", 1_400, async (_, _, random) => await ServiceAsync(failures, "register", sp => sp.GetRequiredService<RegistrationService>().RegisterAsync(junk.Any(random), junk.Email(random), junk.Any(random), new ClientInfo(junk.Ip(random), junk.Any(random))))),
        };

        foreach (var (target, count, send) in plan)
        {
            await Parallel.ForAsync(0, 4, async (worker, _) =>
            {
                var random = new Random(HashCode.Combine(Seed, target, worker));
                using var client = PortalSignIn.AnonymousClient(factory);
                var token = await AntiforgeryAsync(client);
                for (var i = worker; i < count; i += 4)
                {
                    await send(client, token, random);
                    counts.AddOrUpdate(target, 1, (_, n) => n + 1);
                }
            });
        }

        var total = counts.Values.Sum();
        output.WriteLine($"{total} inputs in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}");
        foreach (var failure in failures.Select(f => f.Length > 600 ? f[..600] : f).DistinctBy(f => f.Length > 120 ? f[..120] : f).Take(10))
        {
            output.WriteLine(failure);
        }

        Assert.True(total >= 10_000, $"only {total} inputs");
        Assert.Empty(failures);
        // MudBlazor logs "Missing <MudPopoverProvider />" while prerendering the reset page whatever the input: a known, input-independent layout issue.
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error && e.Category != "MudBlazor.PopoverService");
        // The real link still works after all that junk: nothing was corrupted by it.
        await using var scope = factory.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<ResetPasswordService>().OpenAsync(realToken, new ClientInfo(null, null));
        Assert.Equal(ResetLinkState.Valid, view.State);
    }

    public void Dispose() => factory.Dispose();

    private async Task<string> RealTokenAsync()
    {
        using var client = PortalSignIn.AnonymousClient(factory);
        await StaticForm.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "customer@example.com" });
        var mail = await Poll.UntilAsync(() => Task.FromResult(Mail.ReadPickup(factory.PickupDirectory)), m => m.Count > 0, "the reset email");
        var link = Mail.LinkStartingWith(mail[0], "http://portal.test/Account/ResetPassword?token=");
        return Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
    }

    private static async Task Expect5xxFree(ConcurrentQueue<string> failures, string target, HttpResponseMessage response)
    {
        using (response)
        {
            if ((int)response.StatusCode >= 500)
            {
                failures.Enqueue($"{target}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private async Task ServiceAsync<T>(ConcurrentQueue<string> failures, string target, Func<IServiceProvider, Task<T>> call)
    {
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await call(scope.ServiceProvider);
        }
        catch (Exception e)
        {
            failures.Enqueue($"{target}: {e}");
        }
    }

    private static async Task<string> AntiforgeryAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/Login");
        return WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
    }

    /// <summary>A form post with the fields percent-encoded as UTF-8 (lone surrogates become U+FFFD, as a browser would send).</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string antiforgery, string handler, params (string Name, string Value)[] fields)
    {
        var body = new StringBuilder($"_handler={handler}&__RequestVerificationToken={Encode(antiforgery)}");
        foreach (var (name, value) in fields)
        {
            body.Append('&').Append(name).Append('=').Append(Encode(value));
        }

        var content = new StringContent(body.ToString(), Encoding.ASCII, "application/x-www-form-urlencoded");
        return client.PostAsync(path, content);
    }

    private static string Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>Generates junk from fixed families, mutated at random (seeded, so a failure reproduces).</summary>
    private sealed class JunkInputs(int seed, string realToken)
    {
        private static readonly string[] Payloads =
        [
            "", " ", "\0", "\r\n", "\r\nBcc: victim@example.com", "%0d%0aSet-Cookie: x=1", "' OR '1'='1", "'; DROP TABLE AspNetUsers; --",
            "\" OR 1=1 --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x}",
            "../../../../etc/passwd", "%00", "%", "%%", "\u202Eevil", "\u200B\u200C\u200D\uFEFF", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "👩‍👩‍👧‍👦", "\uD800", "\uDFFF", "\uFFFF", "ǅ",
            "İıß", "a\u0301\u0301\u0301\u0301", "Ω≈ç√∫", "表ポあ叶", "\t\v\f\b\a", "null", "undefined", "NaN", "-1", "1e309", "\\", "\\\\\\\"", "@", "@@", "a@", "@a",
        ];

        private readonly int seed = seed;

        public string Any(Random random) => random.Next(8) switch
        {
            0 => new string((char)random.Next(0x20, 0x7F), random.Next(1_000, 40_000)),
            1 => RandomChars(random, random.Next(0, 300)),
            2 => Pick(random) + Pick(random),
            3 => Pick(random) + RandomChars(random, random.Next(0, 20)),
            _ => Pick(random),
        };

        public string Email(Random random) => random.Next(5) switch
        {
            0 => Any(random) + "@example.com",
            1 => "user+" + Pick(random) + "@" + Pick(random) + ".com",
            2 => new string('a', random.Next(200, 5_000)) + "@example.com",
            // Never exactly the real address: a new request for it would supersede the real link checked at the end.
            3 => "customer@example.com" + "x" + Pick(random),
            _ => Any(random),
        };

        public string Token(Random random) => random.Next(6) switch
        {
            0 => realToken[..random.Next(0, realToken.Length)],
            1 => realToken + "~" + Pick(random),
            2 => Flip(random, realToken),
            3 => Convert.ToBase64String(RandomBytes(random, random.Next(0, 200))),
            4 => new string('A', random.Next(100, 20_000)),
            _ => Any(random),
        };

        public string? Ip(Random random) => random.Next(4) switch
        {
            0 => null,
            1 => "203.0.113." + random.Next(256).ToString(System.Globalization.CultureInfo.InvariantCulture),
            2 => "2001:db8::" + random.Next(65_536).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            _ => Pick(random),
        };

        private static string Pick(Random random) => Payloads[random.Next(Payloads.Length)];

        private static string RandomChars(Random random, int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)random.Next(0, 0x10000);
            }

            return new string(chars);
        }

        private static byte[] RandomBytes(Random random, int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        private static string Flip(Random random, string token)
        {
            var chars = token.ToCharArray();
            var at = random.Next(chars.Length);
            chars[at] = chars[at] == 'A' ? 'B' : 'A';
            return new string(chars);
        }

        public override string ToString() => $"junk seed {seed}";
    }
}
