namespace PortalApp.Features.Email;

/// <summary>Who an email goes to; <see cref="Template"/> says what it says.</summary>
public sealed class EmailRecipient
{
    private readonly EmailRenderer renderer;
    private readonly IEmailOutbox outbox;

    internal EmailRecipient(EmailRenderer renderer, IEmailOutbox outbox, string address, string displayName)
    {
        this.renderer = renderer;
        this.outbox = outbox;
        Address = address;
        DisplayName = displayName;
    }

    public string Address { get; }

    public string DisplayName { get; }

    /// <summary>The email's content: a model record, which names the template that renders it.</summary>
    public EmailDraft<TModel, TTemplate> Template<TModel, TTemplate>(IEmailModel<TModel, TTemplate> model)
        where TModel : IEmailModel<TModel, TTemplate>
        where TTemplate : EmailTemplate<TModel>
        => new(renderer, outbox, this, (TModel)model);
}
