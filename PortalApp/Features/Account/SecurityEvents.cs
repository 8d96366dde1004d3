using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>Records and reads a customer's security events. IP and browser come from the current HTTP request, when there is one.</summary>
internal sealed class SecurityEvents(IDbContextFactory<PortalDbContext> dbFactory, IHttpContextAccessor http, TimeProvider time)
{
    public const int ActivityPageSize = 50;

    public async Task RecordAsync(string userId, SecurityEventKind kind, CancellationToken cancellationToken = default)
    {
        var request = http.HttpContext;
        var userAgent = request?.Request.Headers.UserAgent.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.SecurityEvents.Add(new SecurityEvent
        {
            UserId = userId,
            Kind = kind,
            OccurredAt = time.GetUtcNow(),
            IpAddress = request?.Connection.RemoteIpAddress?.ToString() is { Length: <= SecurityEvent.IpAddressMaxLength } ip ? ip : null,
            UserAgent = string.IsNullOrEmpty(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, SecurityEvent.UserAgentMaxLength)],
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SecurityActivityItem>> RecentAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == userId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(ActivityPageSize)
            .ToListAsync(cancellationToken);
        return rows.Select(e => new SecurityActivityItem(e.Kind, e.OccurredAt, e.IpAddress, PortalApp.Platform.Clients.UserAgents.Describe(e.UserAgent))).ToList();
    }
}
