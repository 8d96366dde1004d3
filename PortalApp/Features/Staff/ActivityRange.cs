namespace PortalApp.Features.Staff;

public enum ActivityRangePreset
{
    Last24Hours,
    Last7Days,
    Last30Days,
    Custom,
}

/// <summary>A half-open time window [From, To) in UTC.</summary>
public sealed record ActivityRange(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Hourly buckets up to 48 hours, daily beyond.</summary>
    public TimeSpan BucketSize => To - From <= TimeSpan.FromHours(48) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>The window as the database stores times (UTC ticks, see <c>PortalDbContext</c>).</summary>
    public (long From, long To) UtcTicks => (From.UtcTicks, To.UtcTicks);

    public static ActivityRange For(ActivityRangePreset preset, DateTimeOffset now, DateOnly? customStart = null, DateOnly? customEnd = null) => preset switch
    {
        ActivityRangePreset.Last24Hours => new(now.AddHours(-24), now),
        ActivityRangePreset.Last30Days => new(now.AddDays(-30), now),
        ActivityRangePreset.Custom when customStart is { } start => Days(start, customEnd ?? start),
        _ => new(now.AddDays(-7), now),
    };

    /// <summary>Whole UTC days from <paramref name="first"/> through <paramref name="last"/>.</summary>
    public static ActivityRange Days(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            (first, last) = (last, first);
        }

        return new(new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }
}
