using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Features.HelpCenter.Templates;
using PortalApp.Platform.Clients;
using PortalApp.Platform.Hosting;
using PortalApp.Platform.RateLimiting;

namespace PortalApp.Features.HelpCenter;

/// <summary>Stores a support request and, in the same transaction, queues the email to the support team.</summary>
internal sealed class SupportRequests(
    IDbContextFactory<PortalDbContext> dbFactory,
    EmailComposer mail,
    IEmailOutbox outbox,
    IOptions<PortalOptions> portal,
    AccountRateLimiter limiter,
    TimeProvider time)
{
    public const string EmailKind = "support-request";

    /// <summary>More than this many requests from one email address (or one signed-in account) in an hour is refused, so the form can't flood the support inbox.</summary>
    public const int MaxRequestsPerHour = 5;

    /// <summary>
    /// Validates, stores and emails the request; throws <see cref="ArgumentException"/> on input the form would have refused
    /// and <see cref="SupportRequestLimitException"/> over the sender's or the client's limit.
    /// For a signed-in customer the name and email are the account's: whatever was posted for them is replaced.
    /// </summary>
    public async Task<int> CreateAsync(SupportRequestForm form, ClaimsPrincipal? user, ClientInfo client, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var userId = await TakeSenderFromAccountAsync(db, form, user, cancellationToken);
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(form));
        }

        // Per client as well as per sender: one client typing a new address each time still reaches a person's inbox.
        if (!limiter.TryAcquire(AccountAction.ContactSupport, client))
        {
            throw SupportRequestLimitException.ForNetwork();
        }

        var input = form.ToInput();
        var now = time.GetUtcNow();
        var email = input.Email.Trim();
        var since = now.AddHours(-1);
        var recent = db.Set<SupportRequest>().Where(r => r.CreatedAt > since);
        var fromSender = userId is null ? recent.Where(r => r.Email == email) : recent.Where(r => r.Email == email || r.UserId == userId);
        if (await fromSender.CountAsync(cancellationToken) >= MaxRequestsPerHour)
        {
            throw SupportRequestLimitException.ForSender();
        }

        var request = new SupportRequest
        {
            UserId = userId,
            Name = input.Name.Trim(),
            Email = email,
            Subject = input.Subject.Trim(),
            Category = input.Category,
            Message = input.Message.Trim(),
            Status = SupportRequestStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(request);
        await db.SaveChangesAsync(cancellationToken);

        await mail.To(portal.Value.SupportEmail, "Support team")
            .Template(new SupportRequestEmail(
                request.Id, request.Name, request.Email, request.Subject, HelpCategories.Info(request.Category).Name, request.Message, SignedIn: request.UserId is not null))
            .CorrelatedWith(request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .QueueAsync(db);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return request.Id;
    }

    /// <summary>
    /// Support acts on "signed in as" (it resets MFA by hand), so a signed-in sender is the account, never what was
    /// posted: the form's name and email are replaced with the account's. Returns the account's id, or null.
    /// </summary>
    private static async Task<string?> TakeSenderFromAccountAsync(PortalDbContext db, SupportRequestForm form, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var userId = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var account = userId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.FullName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        form.Name = account.FullName;
        form.Email = account.Email ?? "";
        return userId;
    }

    public async Task<IReadOnlyList<SupportRequestView>> ForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Views(db.Set<SupportRequest>().Where(r => r.UserId == userId)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SupportRequestView>> AllAsync(SupportRequestStatus? status, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<SupportRequest>().AsQueryable();
        if (status is not null)
        {
            query = query.Where(r => r.Status == status);
        }

        return await Views(query).Take(500).ToListAsync(cancellationToken);
    }

    public async Task<bool> SetStatusAsync(int id, SupportRequestStatus status, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SupportRequest>().Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.UpdatedAt, now), cancellationToken) == 1;
    }

    private static IQueryable<SupportRequestView> Views(IQueryable<SupportRequest> requests)
        => requests.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new SupportRequestView(r.Id, r.Name, r.Email, r.Subject, r.Category, r.Message, r.Status, r.CreatedAt, r.UpdatedAt));
}
