using System.Text.RegularExpressions;

namespace PortalApp.Tests;

/// <summary>
/// The folder boundaries, checked on the source: Platform names no feature; a feature uses Platform, Data and the
/// shared features (Email sends, Passwords judges), and Staff reads PasswordReset. Anything else is a door into the
/// wrong room.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Email"] = [],
        ["Passwords"] = [],
        ["Account"] = ["Email", "Passwords"],
        ["PasswordReset"] = ["Email", "Passwords"],
        ["HelpCenter"] = ["Email"],
        ["Staff"] = ["PasswordReset"],
    };

    [Fact]
    public void Platform_NamesNoFeature()
    {
        var offenders = SourceFiles("Platform").Where(f => FeatureReferences(f).Any()).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Features_UseOnlyTheFeaturesTheyAreAllowedTo()
    {
        var features = Directory.GetDirectories(Path.Combine(AppRoot(), "Features")).Select(Path.GetFileName).ToList();
        Assert.Equal(Allowed.Keys.Order(), features.Order()!);

        var offenders = features
            .SelectMany(feature => SourceFiles(Path.Combine("Features", feature!))
                .SelectMany(file => FeatureReferences(file)
                    .Where(used => used != feature && !Allowed[feature!].Contains(used))
                    .Select(used => $"{Path.GetRelativePath(AppRoot(), file)} uses {used}")))
            .ToList();

        Assert.Empty(offenders);
    }

    private static IEnumerable<string> FeatureReferences(string file)
        => FeatureNamespace().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct();

    private static IEnumerable<string> SourceFiles(string folder)
        => Directory.EnumerateFiles(Path.Combine(AppRoot(), folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal));

    private static string AppRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory), "PortalApp");
    }

    [GeneratedRegex(@"PortalApp\.Features\.(\w+)")]
    private static partial Regex FeatureNamespace();
}
