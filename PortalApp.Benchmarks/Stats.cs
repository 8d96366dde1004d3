using System.Globalization;

namespace PortalApp.Benchmarks;

/// <summary>Order statistics over a sample of timings (milliseconds).</summary>
internal sealed class Stats
{
    private readonly double[] sorted;

    public Stats(IEnumerable<double> samples)
    {
        sorted = samples.Order().ToArray();
    }

    public int Count => sorted.Length;

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double P99 => Percentile(99);

    public double Max => sorted.Length == 0 ? double.NaN : sorted[^1];

    public double Percentile(double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public override string ToString() => Text.Invariant($"n={Count}, median {Median:0.00} ms, p95 {P95:0.00} ms, p99 {P99:0.00} ms, max {Max:0.00} ms");
}

internal static class Text
{
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
