namespace PortalApp.Platform.RateLimiting;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    public RateLimitRule Register { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    public RateLimitRule ForgotPassword { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) };

    public RateLimitRule ResetPassword { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    public RateLimitRule ResendConfirmation { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Per account: each request emails a confirmation link to an address the requester typed.</summary>
    public RateLimitRule ChangeEmail { get; set; } = new() { PermitLimit = 3, Window = TimeSpan.FromHours(1) };

    /// <summary>Support requests per client, whatever address they are sent from: each one reaches a person's inbox.</summary>
    public RateLimitRule ContactSupport { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>Activity rows written per client for reset links that match no request; past it one "throttled" row per window.</summary>
    public RateLimitRule UnmatchedResetLink { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(10) };

    public RateLimitRule For(AccountAction action) => action switch
    {
        AccountAction.SignIn => SignIn,
        AccountAction.Register => Register,
        AccountAction.ForgotPassword => ForgotPassword,
        AccountAction.ResetPassword => ResetPassword,
        AccountAction.ResendConfirmation => ResendConfirmation,
        AccountAction.ChangeEmail => ChangeEmail,
        AccountAction.ContactSupport => ContactSupport,
        AccountAction.UnmatchedResetLink => UnmatchedResetLink,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
