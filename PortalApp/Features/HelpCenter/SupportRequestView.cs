namespace PortalApp.Features.HelpCenter;

/// <summary>A stored support request as staff and the requester see it.</summary>
public sealed record SupportRequestView(int Id, string Name, string Email, string Subject, HelpCategory Category, string Message, SupportRequestStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
