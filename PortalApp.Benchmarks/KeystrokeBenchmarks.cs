using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using PortalApp.Features.Passwords;

namespace PortalApp.Benchmarks;

/// <summary>Figure 1: what one keystroke costs the server (full evaluation incl. zxcvbn, and the cheap rules alone).</summary>
public class KeystrokeBenchmarks
{
    internal static readonly Dictionary<string, string> Inputs = new()
    {
        ["typical-12"] = "Sunny!Lake42",
        ["typical-32"] = "Blue-Kettle-Morning-Train-2024!x",
        ["random-32"] = "q7#Vd9!mZ2@kL4$wP8^rT1&yB6*nH3%s",
        ["l33t-32"] = Repeat("p@$$w0rd1|7!", 32),
        ["adversarial-128"] = ("aaaaaaaaaaaa" + "qwertyuiopasdfghjkl" + "1234567890" + "19/07/1985" + "alexmorgan" + "passworddragonmonkey" + "zxcvbnm" + "0000000000" + "AlexMorgan2024!" + "letmeinsunshine").PadRight(128, 'z')[..128],
        ["l33t-128"] = Repeat("p@$$w0rd1|7!", 128),
    };

    /// <summary>Built to hit zxcvbn's quadratic matchers (l33t substitutions, repeats, walks, dictionary words).</summary>
    internal static readonly HashSet<string> AdversarialInputs = ["l33t-32", "adversarial-128", "l33t-128"];

    private static readonly PasswordContext Customer = new("Alex Morgan", "alex.morgan@example.com");

    private PasswordPolicy policy = null!;
    private string password = "";

    [Params("typical-12", "typical-32", "random-32", "l33t-32", "adversarial-128", "l33t-128")]
    public string Input { get; set; } = "typical-12";

    [GlobalSetup]
    public void Setup()
    {
        policy = NewPolicy();
        password = Inputs[Input];
    }

    [Benchmark(Baseline = true, Description = "Evaluate (all rules + zxcvbn)")]
    public object Evaluate() => policy.Evaluate(password, Customer);

    [Benchmark(Description = "EvaluateRules (keystroke path)")]
    public object EvaluateRules() => policy.EvaluateRules(password, Customer);

    internal static PasswordPolicy NewPolicy()
    {
        var policy = new PasswordPolicy(Options.Create(new PasswordPolicyOptions()));
        policy.WarmUp();
        return policy;
    }

    /// <summary>
    /// Per-call timings of the full evaluation while "typing" each input one character at a time (every prefix),
    /// <paramref name="rounds"/> times: BenchmarkDotNet reports per-iteration means, the p99 target is per keystroke.
    /// </summary>
    internal static (Stats Typical, Stats Adversarial, Stats Rules) PerKeystroke(int rounds)
    {
        var policy = NewPolicy();
        var typical = new List<double>();
        var adversarial = new List<double>();
        var rules = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, input) in Inputs)
            {
                for (var length = 1; length <= input.Length; length++)
                {
                    var prefix = input[..length];
                    var start = Stopwatch.GetTimestamp();
                    policy.Evaluate(prefix, Customer);
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    start = Stopwatch.GetTimestamp();
                    policy.EvaluateRules(prefix, Customer);
                    var rulesMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (round == 0)
                    {
                        continue;
                    }

                    (AdversarialInputs.Contains(name) ? adversarial : typical).Add(ms);
                    rules.Add(rulesMs);
                }
            }
        }

        return (new Stats(typical), new Stats(adversarial), new Stats(rules));
    }

    private static string Repeat(string unit, int length) => string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1))[..length];
}
