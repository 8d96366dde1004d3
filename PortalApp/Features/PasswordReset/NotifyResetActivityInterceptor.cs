using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// The one place reset activity is announced: after any save that added activity events succeeds, the
/// <see cref="IResetActivityNotifier"/> hears about them. A save that fails or is cancelled announces nothing, so a
/// listener never shows what was not stored, and no caller can save events and forget to announce them.
/// </summary>
internal sealed class NotifyResetActivityInterceptor(IResetActivityNotifier notifier) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<ResetActivityEvent>> saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<ResetActivityEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count > 0)
        {
            saving.AddOrUpdate(context, added);
        }
        else
        {
            saving.Remove(context);
        }
    }

    private void Announce(DbContext? context)
    {
        if (context is not null && saving.TryGetValue(context, out var saved))
        {
            saving.Remove(context);
            notifier.Notify(saved);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            saving.Remove(context);
        }
    }
}
