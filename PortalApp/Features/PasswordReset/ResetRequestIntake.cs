using PortalApp.Data;
using PortalApp.Platform.Clients;
using PortalApp.Platform.RateLimiting;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// The forgot form's only work: record the request and wake the processor. The same insert for every address, known
/// or not, throttled or not, so neither the answer nor its timing says whether an account exists.
/// </summary>
/// <remarks>
/// Uses the request's own DbContext: the forgot page is a static form, so this runs once per HTTP request and never in
/// a circuit (code that can run in a circuit takes an <c>IDbContextFactory</c> instead).
/// </remarks>
public sealed class ResetRequestIntake(PortalDbContext db, ResetRequestSignal signal, TimeProvider time)
{
    public async Task<Guid> SubmitAsync(string email, ClientInfo client, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var request = new ResetRequest
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            Email = NormalizeEmail(email),
            IpAddress = client.IpAddress,
            ClientKey = client.IpAddress is null ? null : AccountRateLimiting.ClientKey(client.IpAddress),
            UserAgent = client.UserAgent,
        };
        db.ResetRequests.Add(request);
        db.ResetActivityEvents.Add(request.Record(ResetActivityType.Requested, now));
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return request.Id;
    }

    public static string NormalizeEmail(string email)
    {
        var trimmed = email.Trim().ToLowerInvariant();
        return trimmed.Length <= ResetLimits.EmailMaxLength ? trimmed : trimmed[..ResetLimits.EmailMaxLength];
    }
}
