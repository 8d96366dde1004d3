namespace PortalApp.Platform.Clients;

/// <summary>
/// What the first HTTP request told us about this browser (its address, user agent and anonymous visitor id), kept
/// for the whole circuit: interactive pages have no HttpContext, and a page reached by in-app navigation never had
/// a request of its own. Filled by <c>BrowserVisitorCapture</c> in the routes.
/// </summary>
public sealed class BrowserVisitor
{
    public string? VisitorId { get; set; }

    /// <summary>The address and user agent of the request that started this circuit.</summary>
    public ClientInfo Client { get; set; } = new(null, null);

    public string? UserAgent => Client.UserAgent;

    public bool IsUnsupportedBrowser => BrowserSupport.IsUnsupported(UserAgent);
}
