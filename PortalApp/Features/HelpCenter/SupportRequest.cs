using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortalApp.Data;

namespace PortalApp.Features.HelpCenter;

public sealed class SupportRequest
{
    public int Id { get; set; }

    /// <summary>The signed-in customer who sent it; null for a visitor who wasn't signed in.</summary>
    public string? UserId { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Subject { get; set; } = "";

    public HelpCategory Category { get; set; }

    public string Message { get; set; } = "";

    public SupportRequestStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
