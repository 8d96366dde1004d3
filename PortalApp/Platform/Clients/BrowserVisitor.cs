namespace PortalApp.Platform.Clients;

/// <summary>
/// What the first HTTP request told us about this browser (its user agent and anonymous visitor id), kept for the
/// whole circuit: interactive pages have no HttpContext. Filled by <c>BrowserVisitorCapture</c> in the routes.
/// </summary>
public sealed class BrowserVisitor
{
    public string? VisitorId { get; set; }

    public string? UserAgent { get; set; }

    public bool IsUnsupportedBrowser => BrowserSupport.IsUnsupported(UserAgent);
}
