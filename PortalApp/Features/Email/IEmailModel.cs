namespace PortalApp.Features.Email;

/// <summary>
/// The data of one email, tied by the compiler to the template that renders it: a model can only name a template
/// whose <see cref="EmailTemplate{TModel}.Model"/> is that model, so a missing or misspelt value does not build.
/// </summary>
/// <typeparam name="TModel">The model itself.</typeparam>
/// <typeparam name="TTemplate">The Razor component that renders it.</typeparam>
public interface IEmailModel<TModel, TTemplate>
    where TModel : IEmailModel<TModel, TTemplate>
    where TTemplate : EmailTemplate<TModel>
{
    string Subject { get; }

    /// <summary>What kind of email this is (e.g. <c>confirm-email</c>); lets features react to its delivery.</summary>
    string Kind { get; }
}
