using PortalApp.Data;

namespace PortalApp.Features.Email;

/// <summary>An email with its recipient and content, ready to render or to queue in the outbox.</summary>
public sealed class EmailDraft<TModel, TTemplate>
    where TModel : IEmailModel<TModel, TTemplate>
    where TTemplate : EmailTemplate<TModel>
{
    private readonly EmailRenderer renderer;
    private readonly IEmailOutbox outbox;
    private readonly EmailRecipient recipient;
    private readonly TModel model;
    private bool secret;
    private string? correlationId;

    internal EmailDraft(EmailRenderer renderer, IEmailOutbox outbox, EmailRecipient recipient, TModel model)
    {
        this.renderer = renderer;
        this.outbox = outbox;
        this.recipient = recipient;
        this.model = model;
    }

    /// <summary>The body carries a secret (a token link): the outbox protects it at rest and erases it once sent.</summary>
    public EmailDraft<TModel, TTemplate> Secret()
    {
        secret = true;
        return this;
    }

    /// <summary>The feature's own id for this email (e.g. a reset request id), never a secret.</summary>
    public EmailDraft<TModel, TTemplate> CorrelatedWith(string? id)
    {
        correlationId = id;
        return this;
    }

    /// <summary>Renders the email for a caller that adds it to the outbox itself.</summary>
    public async Task<EmailMessage> RenderAsync()
    {
        var rendered = await renderer.RenderAsync(model);
        return new EmailMessage(recipient.Address, recipient.DisplayName, model.Subject, rendered.Html, rendered.Text, model.Kind, secret, correlationId);
    }

    /// <summary>Adds the email to <paramref name="db"/> without saving: it commits with the caller's own changes, then the caller wakes the outbox.</summary>
    public async Task QueueAsync(PortalDbContext db) => outbox.Add(db, await RenderAsync());

    /// <summary>Adds and saves the email in its own transaction, then wakes the outbox's dispatcher.</summary>
    public async Task SendAsync(CancellationToken cancellationToken = default) => await outbox.EnqueueAsync(await RenderAsync(), cancellationToken);
}
