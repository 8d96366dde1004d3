using PortalApp.Data;
using PortalApp.Features.PasswordReset;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Builds reset requests with consistent events at chosen times, for dashboard tests.</summary>
public static class ResetActivityData
{
    public static async Task<ResetRequest> AddRequestAsync(PortalDbContext db, DateTimeOffset at, string email, string? ip, params (ResetActivityType Type, TimeSpan After)[] steps)
    {
        var known = steps.All(s => s.Type != ResetActivityType.UnknownAccount);
        var request = new ResetRequest
        {
            Id = Guid.NewGuid(),
            CreatedAt = at,
            Email = email,
            UserId = known ? "user-" + email : null,
            IpAddress = ip,
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
            Status = ResetRequestStatus.Requested,
        };
        db.ResetRequests.Add(request);
        db.ResetActivityEvents.Add(Event(request, ResetActivityType.Requested, at));
        foreach (var (type, after) in steps)
        {
            db.ResetActivityEvents.Add(Event(request, type, at + after));
            request.Status = type switch
            {
                ResetActivityType.UnknownAccount => ResetRequestStatus.UnknownAccount,
                ResetActivityType.Throttled => ResetRequestStatus.Throttled,
                ResetActivityType.EmailQueued => ResetRequestStatus.EmailQueued,
                ResetActivityType.EmailSent => ResetRequestStatus.EmailSent,
                ResetActivityType.EmailFailed => ResetRequestStatus.EmailFailed,
                ResetActivityType.LinkOpened => ResetRequestStatus.LinkOpened,
                ResetActivityType.Completed => ResetRequestStatus.Completed,
                ResetActivityType.LinkExpired or ResetActivityType.ExpiredLinkUsed => ResetRequestStatus.Expired,
                _ => request.Status,
            };
            if (type == ResetActivityType.Completed)
            {
                request.CompletedAt = at + after;
            }
        }

        await db.SaveChangesAsync();
        return request;
    }

    public static ResetActivityEvent Event(ResetRequest request, ResetActivityType type, DateTimeOffset at) => new()
    {
        OccurredAt = at,
        Type = type,
        RequestId = request.Id,
        UserId = request.UserId,
        Email = request.Email,
        IpAddress = request.IpAddress,
        UserAgent = request.UserAgent,
    };

    public static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);
}
