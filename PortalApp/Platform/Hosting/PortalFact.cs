namespace PortalApp.Platform.Hosting;

/// <summary>
/// A configured value that written content quotes (how long a reset link lasts, the shortest password), contributed
/// by the feature that owns the setting, so help articles say "{reset-link-minutes} minutes" and stay true to it.
/// </summary>
public sealed record PortalFact(string Name, Func<IServiceProvider, object> Value)
{
    /// <summary>Replaces each <c>{name}</c> in <paramref name="text"/> with its fact's current value.</summary>
    public static string Fill(string text, IEnumerable<PortalFact> facts, IServiceProvider services)
    {
        foreach (var fact in facts)
        {
            text = text.Replace("{" + fact.Name + "}", Convert.ToString(fact.Value(services), System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }
}
