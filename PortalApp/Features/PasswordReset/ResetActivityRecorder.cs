using PortalApp.Data;

namespace PortalApp.Features.PasswordReset;

/// <summary>Who did what, from where: what every activity event carries besides its type.</summary>
public sealed record ResetActivityContext(Guid? RequestId, string? UserId, string? Email, string? IpAddress, string? UserAgent)
{
    public static ResetActivityContext From(ResetRequest request) =>
        new(request.Id, request.UserId, request.Email, request.IpAddress, request.UserAgent);
}

/// <summary>Tells listeners (the live staff dashboard) that activity was recorded; a cross-instance notifier can replace the in-process one.</summary>
public interface IResetActivityNotifier
{
    void Notify(IReadOnlyList<ResetActivityEvent> recorded);
}

internal sealed class NullResetActivityNotifier : IResetActivityNotifier
{
    public void Notify(IReadOnlyList<ResetActivityEvent> recorded)
    {
    }
}

/// <summary>Appends activity events to the caller's DbContext (so they commit with the change they describe) and notifies after the save.</summary>
public sealed class ResetActivityRecorder(TimeProvider time, IResetActivityNotifier notifier)
{
    public ResetActivityEvent Add(PortalDbContext db, ResetActivityType type, ResetActivityContext context, string? detail = null)
    {
        var activity = new ResetActivityEvent
        {
            OccurredAt = time.GetUtcNow(),
            Type = type,
            RequestId = context.RequestId,
            UserId = context.UserId,
            Email = context.Email,
            IpAddress = context.IpAddress,
            UserAgent = context.UserAgent,
            Detail = detail is { Length: > ResetLimits.DetailMaxLength } ? detail[..ResetLimits.DetailMaxLength] : detail,
        };
        db.ResetActivityEvents.Add(activity);
        return activity;
    }

    /// <summary>Saves the DbContext and tells listeners about the events it recorded.</summary>
    public async Task SaveAsync(PortalDbContext db, IReadOnlyList<ResetActivityEvent> recorded, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (recorded.Count > 0)
        {
            notifier.Notify(recorded);
        }
    }
}
