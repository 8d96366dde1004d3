using PortalApp.Data;
using PortalApp.Platform.Clients;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// The forgot form's only work: record the request and wake the processor. The same insert for every address, known
/// or not, throttled or not, so neither the answer nor its timing says whether an account exists.
/// </summary>
public sealed class ResetRequestIntake(PortalDbContext db, ResetActivityRecorder recorder, ResetRequestSignal signal, TimeProvider time)
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
            UserAgent = client.UserAgent,
            Status = ResetRequestStatus.Requested,
        };
        db.ResetRequests.Add(request);
        var requested = recorder.Add(db, ResetActivityType.Requested, ResetActivityContext.From(request));
        await recorder.SaveAsync(db, [requested], cancellationToken);
        signal.Wake();
        return request.Id;
    }

    public static string NormalizeEmail(string email)
    {
        var trimmed = email.Trim().ToLowerInvariant();
        return trimmed.Length <= ResetLimits.EmailMaxLength ? trimmed : trimmed[..ResetLimits.EmailMaxLength];
    }
}
