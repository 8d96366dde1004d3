using PortalApp.Data;
using PortalApp.Features.PasswordReset;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Builds reset requests with their events at chosen times, for dashboard tests; each step is recorded on the request, as the app does.</summary>
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
        };
        db.ResetRequests.Add(request);
        db.ResetActivityEvents.Add(request.Record(ResetActivityType.Requested, at));
        foreach (var (type, after) in steps)
        {
            db.ResetActivityEvents.Add(request.Record(type, at + after));
        }

        await db.SaveChangesAsync();
        return request;
    }

    public static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);
}
