namespace PortalApp.Features.HelpCenter;

public sealed class SupportRequestOptions
{
    public const string Section = "SupportRequests";

    /// <summary>Resolved and closed requests untouched for this long are deleted (two years: long enough to look back on a customer's history).</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(730);
}
