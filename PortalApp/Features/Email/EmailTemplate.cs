using Microsoft.AspNetCore.Components;

namespace PortalApp.Features.Email;

/// <summary>Base of every email template: renders its model once as HTML and once as plain text.</summary>
/// <typeparam name="TModel">The record carrying everything the email says.</typeparam>
public abstract class EmailTemplate<TModel> : ComponentBase
{
    [Parameter, EditorRequired]
    public required TModel Model { get; set; }

    [Parameter, EditorRequired]
    public EmailContext Context { get; set; } = default!;

    [Parameter]
    public bool PlainText { get; set; }

    protected string Link(string relative) => new Uri(Context.BaseUri, relative.TrimStart('/')).ToString();
}
