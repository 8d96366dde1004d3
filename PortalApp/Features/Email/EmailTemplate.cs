using Microsoft.AspNetCore.Components;

namespace PortalApp.Features.Email;

/// <summary>Base of every email template: rendered once as HTML and once as plain text.</summary>
public abstract class EmailTemplate : ComponentBase
{
    [Parameter, EditorRequired]
    public EmailContext Context { get; set; } = default!;

    [Parameter]
    public bool PlainText { get; set; }

    protected string Link(string relative) => new Uri(Context.BaseUri, relative.TrimStart('/')).ToString();
}
