using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.Email;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Puts messages into the app's outbox and reads its table back.</summary>
public static class Outbox
{
    public static EmailMessage Message(int number, bool secret = false, string? to = null)
        => new(
            to ?? $"customer{number}@example.com",
            $"Customer {number}",
            $"Test message {number}",
            $"<html><body><p>Hello {number}, <a href=\"http://portal.test/t/secret-{number}\">link</a></p></body></html>",
            $"Hello {number}, http://portal.test/t/secret-{number}",
            "test",
            secret);

    /// <summary>Adds all messages in one transaction, then wakes the dispatcher (so they form one batch).</summary>
    public static async Task EnqueueAsync(PortalAppFactory factory, params EmailMessage[] messages)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        foreach (var message in messages)
        {
            outbox.Add(db, message);
        }

        await db.SaveChangesAsync();
        outbox.Notify();
    }

    public static Task<List<OutboxMessage>> ReadAsync(PortalAppFactory factory)
        => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    public static Task<List<OutboxMessage>> WaitUntilAsync(PortalAppFactory factory, Func<List<OutboxMessage>, bool> done, string what, TimeSpan? timeout = null)
        => Poll.UntilAsync(() => ReadAsync(factory), done, what, timeout);

    public static string Describe(OutboxMessage message) => $"{message.ToAddress}:{message.Status}/{message.Attempts}";
}
