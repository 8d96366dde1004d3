using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace PortalApp.Features.Passwords;

/// <summary>
/// The met / not-met icons of the checklist and the confirmation, as the markup MudIcon renders for them (same classes,
/// so they look the same), but as one shared string instead of a component per icon: each component instance holds
/// two render-tree buffers for as long as the page's circuit lives.
/// </summary>
internal static class PasswordStatusIcon
{
    private static readonly MarkupString Met = Svg("mud-icon-root mud-svg-icon mud-success-text mud-icon-size-small", Icons.Material.Filled.CheckCircle);
    private static readonly MarkupString NotMet = Svg("mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-small", Icons.Material.Outlined.Cancel);

    public static MarkupString For(bool met) => met ? Met : NotMet;

    private static MarkupString Svg(string classes, string paths)
        => new($"<svg class=\"{classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" role=\"img\" aria-hidden=\"true\">{paths}</svg>");
}
