using Microsoft.AspNetCore.Components;
using PortalApp.Platform.Http;

namespace PortalApp.Features.Account;

/// <summary>Redirects from static-rendered account pages, following only addresses inside the portal.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri)
    {
        // Prevent open redirects: the address is resolved against the portal's base and followed only when it stays
        // inside it as a plain local path (the same rule as every other redirect); anything else goes to the home page.
        var home = new Uri(navigationManager.BaseUri);
        var local = Uri.TryCreate(home, uri ?? "", out var target)
            && target.AbsoluteUri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase)
            && LocalUrl.IsLocal("/" + navigationManager.ToBaseRelativePath(target.AbsoluteUri));
        navigationManager.NavigateTo(local ? target!.AbsoluteUri : navigationManager.BaseUri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }
}
