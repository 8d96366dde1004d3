using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>
/// What a dashboard link asks for: the time range and the request-log filters. The page and the CSV export both read
/// their query string through <see cref="From"/> and write links with <see cref="ToQueryString"/>, so they cannot read
/// one link two ways. Anything that is not a valid value (an unknown name, an impossible or far-out date, over-long
/// text, a number where a name belongs) is dropped, never thrown: a tampered link shows the default view.
/// </summary>
public sealed record DashboardQuery
{
    public const string RangeKey = "range";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string EmailKey = "email";
    public const string StatusKey = "status";
    public const string IpKey = "ip";

    /// <summary>The longest range a link may ask for (about ten years; activity is kept far less long).</summary>
    public const int MaxDays = 3660;

    private const string DayFormat = "yyyy-MM-dd";
    private const int MaxTimeLength = 64;

    private static readonly Dictionary<string, ActivityRangePreset> RangeNames = new(StringComparer.Ordinal)
    {
        ["24h"] = ActivityRangePreset.Last24Hours,
        ["7d"] = ActivityRangePreset.Last7Days,
        ["30d"] = ActivityRangePreset.Last30Days,
        ["custom"] = ActivityRangePreset.Custom,
    };

    public ActivityRangePreset Range { get; init; } = ActivityRangePreset.Last7Days;

    /// <summary>First and last UTC day of a <see cref="ActivityRangePreset.Custom"/> range.</summary>
    public DateOnly? FirstDay { get; init; }

    public DateOnly? LastDay { get; init; }

    /// <summary>An exact window instead of a range (an export link pins the window its page showed).</summary>
    public ActivityRange? Window { get; init; }

    public string? Email { get; init; }

    public ResetRequestStatus? Status { get; init; }

    public string? Ip { get; init; }

    /// <summary>The preset button that is on, or null for an exact <see cref="Window"/>.</summary>
    public ActivityRangePreset? Preset => Window is null ? Range : null;

    public static DashboardQuery Parse(string? queryString)
    {
        var values = QueryHelpers.ParseQuery(queryString);

        // A repeated key is ambiguous: it counts as absent.
        string? One(string key) => values.TryGetValue(key, out var found) && found.Count == 1 ? found[0] : null;
        return From(One(RangeKey), One(FromKey), One(ToKey), One(EmailKey), One(StatusKey), One(IpKey));
    }

    /// <summary>The query from the link's raw values (the page gets them one by one from its query parameters).</summary>
    public static DashboardQuery From(string? range, string? from, string? to, string? email, string? status, string? ip)
    {
        var query = new DashboardQuery { Email = Text(email, ResetLimits.EmailMaxLength), Status = StatusNamed(status), Ip = Text(ip, ResetLimits.IpMaxLength) };
        var preset = range is null ? (ActivityRangePreset?)null : RangeNames.GetValueOrDefault(range, ActivityRangePreset.Last7Days);
        return preset switch
        {
            ActivityRangePreset.Custom => Days(from, to) is { } days ? query.WithDays(days.First, days.Last) : query,
            { } named => query with { Range = named },
            null => query with { Window = WindowOf(from, to) },
        };
    }

    public string ToQueryString()
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (Window is { } window)
        {
            values.Add(new(FromKey, window.From.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
            values.Add(new(ToKey, window.To.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        }
        else if (Range != ActivityRangePreset.Last7Days)
        {
            values.Add(new(RangeKey, RangeNames.First(n => n.Value == Range).Key));
            if (Range == ActivityRangePreset.Custom)
            {
                values.Add(new(FromKey, FirstDay?.ToString(DayFormat, CultureInfo.InvariantCulture)));
                values.Add(new(ToKey, LastDay?.ToString(DayFormat, CultureInfo.InvariantCulture)));
            }
        }

        values.Add(new(EmailKey, Email));
        values.Add(new(StatusKey, Status?.ToString()));
        values.Add(new(IpKey, Ip));
        var pairs = values.Where(v => v.Value is not null).Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!)).ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    /// <summary>A range button: a preset, or Custom starting on the seven days up to <paramref name="today"/>.</summary>
    public DashboardQuery WithPreset(ActivityRangePreset preset, DateOnly today) =>
        preset == ActivityRangePreset.Custom ? WithDays(today.AddDays(-6), today) : this with { Range = preset, FirstDay = null, LastDay = null, Window = null };

    /// <summary>A custom range of whole UTC days, <paramref name="first"/> through <paramref name="last"/> (in either order).</summary>
    public DashboardQuery WithDays(DateOnly first, DateOnly last) => this with
    {
        Range = ActivityRangePreset.Custom,
        FirstDay = first <= last ? first : last,
        LastDay = first <= last ? last : first,
        Window = null,
    };

    /// <summary>A watch-list entry's link: the log narrowed to that address or IP address, over the same range.</summary>
    public DashboardQuery Watching(WatchListEntry entry) => this with
    {
        Email = entry.Kind == WatchKind.Account ? entry.Value : null,
        Ip = entry.Kind == WatchKind.IpAddress ? entry.Value : null,
        Status = null,
    };

    /// <summary>The window this query covers at <paramref name="now"/>.</summary>
    public ActivityRange RangeAt(DateTimeOffset now) => Window ?? ActivityRange.For(Range, now, FirstDay, LastDay);

    /// <summary>The request log's rows for this query at <paramref name="now"/>.</summary>
    public RequestLogFilter FilterAt(DateTimeOffset now) => new(RangeAt(now), Email, Status, Ip);

    /// <summary>The same filters over exactly <paramref name="window"/>, e.g. for an export of what the page shows now.</summary>
    public DashboardQuery PinnedTo(ActivityRange window) => new() { Window = window, Email = Email, Status = Status, Ip = Ip };

    private static string? Text(string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) || value.Length > maxLength ? null : value;

    // By name only (any case): Enum.TryParse would also take "3" or "-1".
    private static ResetRequestStatus? StatusNamed(string? value) =>
        Enum.GetValues<ResetRequestStatus>().Select(s => (ResetRequestStatus?)s).FirstOrDefault(s => string.Equals(s.ToString(), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>A custom range's days (in either order); <paramref name="to"/> defaults to <paramref name="from"/>.</summary>
    private static (DateOnly First, DateOnly Last)? Days(string? from, string? to)
    {
        if (Day(from) is not { } first)
        {
            return null;
        }

        var last = Day(to) ?? first;
        return Math.Abs(last.DayNumber - first.DayNumber) < MaxDays ? (first, last) : null;
    }

    // The last representable day has no day after it to end the range on.
    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day < DateOnly.MaxValue ? day : null;

    private static ActivityRange? WindowOf(string? from, string? to) =>
        Time(from) is { } start && Time(to) is { } end && start < end && end - start <= TimeSpan.FromDays(MaxDays) ? new ActivityRange(start, end) : null;

    private static DateTimeOffset? Time(string? value) =>
        value is { Length: <= MaxTimeLength }
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed : null;
}
