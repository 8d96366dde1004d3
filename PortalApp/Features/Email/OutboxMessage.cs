namespace PortalApp.Features.Email;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>One email waiting for, or done with, delivery. Bodies that carry secrets are protected at rest.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>What kind of email this is (e.g. <c>confirm-email</c>); lets features react to delivery.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The feature's own id for this email (e.g. a reset request id), never a secret.</summary>
    public string? CorrelationId { get; set; }

    public string ToAddress { get; set; } = "";

    public string ToName { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>HTML body; protected with Data Protection when <see cref="IsProtected"/>; null once a protected body is sent.</summary>
    public string? HtmlBody { get; set; }

    public string? TextBody { get; set; }

    public bool IsProtected { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
