namespace PortalApp.Features.HelpCenter;

/// <summary>A support request over one of the limits; the message is for the customer, and the form keeps what was typed.</summary>
public sealed class SupportRequestLimitException : InvalidOperationException
{
    private SupportRequestLimitException(string message)
        : base(message)
    {
    }

    /// <summary>The hourly limit for one sender (an email address, or a signed-in account) was reached.</summary>
    public static SupportRequestLimitException ForSender() => new(
        "You've sent several requests in the last hour. We'll answer those first — please try again later, or reply to our email.");

    /// <summary>The limit for one client (network address) was reached, whatever addresses were typed.</summary>
    public static SupportRequestLimitException ForNetwork() => new(
        "We've received many requests from your network in the last hour. Please try again later; what you typed is still here.");
}
