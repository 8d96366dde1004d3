namespace PortalApp.Features.HelpCenter;

/// <summary>The hourly limit on support requests from one address was reached; the form says so and keeps what was typed.</summary>
public sealed class SupportRequestLimitException()
    : InvalidOperationException($"At most {SupportRequests.MaxRequestsPerHour} support requests an hour can be sent from one email address.");
