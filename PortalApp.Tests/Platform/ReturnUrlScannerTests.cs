using System.Net;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

/// <summary>
/// What wapiti posts as the theme toggle's return URL, against the app on real Kestrel (which, unlike the in-memory
/// test server, refuses to write a non-ASCII Location header): a redirect inside the portal every time, never a 500.
/// </summary>
[Trait("Category", "Security")]
public sealed class ReturnUrlScannerTests : IAsyncLifetime
{
    private PortalServer server = default!;

    public ValueTask InitializeAsync()
    {
        server = PortalServer.Start();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("/¿'\"(", "/%C2%BF'\"(")]
    [InlineData("/Hilfe/Über?q=größe", "/Hilfe/%C3%9Cber?q=gr%C3%B6%C3%9Fe")]
    [InlineData("/help/😀", "/help/%F0%9F%98%80")]
    [InlineData("/a\u0085b", "/")]
    [InlineData("/tab\there", "/")]
    public async Task ThemeToggle_ScannerReturnUrl_RedirectsInsideThePortal(string returnUrl, string location)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(server.BaseUrl) };

        var response = await StaticForm.SubmitToAsync(client, "/", "preferences/theme", new Dictionary<string, string> { ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();
}
