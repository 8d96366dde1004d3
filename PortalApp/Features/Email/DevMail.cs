namespace PortalApp.Features.Email;

/// <summary>One message of the Development mailbox, as listed.</summary>
public sealed record DevMailSummary(string Id, DateTimeOffset Date, string To, string Subject);

/// <summary>One message of the Development mailbox with its bodies.</summary>
public sealed record DevMail(DevMailSummary Summary, string? Html, string? Text);
