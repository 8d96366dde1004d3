using MimeKit;

namespace PortalApp.Features.Email;

internal enum SendOutcome
{
    Sent,

    /// <summary>This attempt failed; a later one may succeed.</summary>
    RetryLater,

    /// <summary>Sending this message again cannot succeed.</summary>
    Rejected,

    /// <summary>The mail server could not be reached, so no message can go until it can.</summary>
    Unreachable,
}

/// <summary>What became of one message handed to a transport. <see cref="Error"/> describes the failure, never the message.</summary>
internal sealed record SendResult(SendOutcome Outcome, string? Error = null)
{
    public static SendResult Sent { get; } = new(SendOutcome.Sent);

    public static SendResult RetryLater(Exception exception) => new(SendOutcome.RetryLater, Describe(exception));

    public static SendResult Rejected(Exception exception) => new(SendOutcome.Rejected, Describe(exception));

    public static SendResult Unreachable(Exception exception) => new(SendOutcome.Unreachable, Describe(exception));

    /// <summary>A failure no transport rule covers: a malformed message is rejected, anything else is tried again later.</summary>
    public static SendResult Failed(Exception exception) =>
        exception is FormatException or ParseException ? Rejected(exception) : RetryLater(exception);

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}
