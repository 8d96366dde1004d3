namespace PortalApp.Platform.Input;

public static class PortalTimeZones
{
    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    /// <summary>IANA ids of the zones this server knows, sorted.</summary>
    public static IReadOnlyList<string> All => Ids.Value;

    public static bool IsKnown(string id) => All.Contains(id, StringComparer.Ordinal);

    public static TimeZoneInfo FindOrUtc(string? id)
        => id is not null && IsKnown(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
