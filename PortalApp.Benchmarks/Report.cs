namespace PortalApp.Benchmarks;

/// <summary>Every figure the run measured, printed as it arrives and again as one table at the end.</summary>
internal sealed class Report
{
    private readonly List<(string Figure, string Metric, string Target, string Measured, string Verdict)> rows = [];

    public void Add(string figure, string metric, string target, string measured, bool? met = null)
    {
        var verdict = met switch { true => "met", false => "MISSED", null => "" };
        rows.Add((figure, metric, target, measured, verdict));
        Console.WriteLine($"  [{figure}] {metric}: {measured}{(target.Length > 0 ? $" (target {target}) {verdict}" : "")}");
    }

    public void Note(string figure, string text)
    {
        rows.Add((figure, text, "", "", ""));
        Console.WriteLine($"  [{figure}] {text}");
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| figure | metric | target | measured | |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Figure} | {row.Metric} | {row.Target} | {row.Measured} | {row.Verdict} |");
        }
    }
}
