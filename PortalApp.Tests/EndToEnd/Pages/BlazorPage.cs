using Microsoft.Playwright;

namespace PortalApp.Tests.EndToEnd.Pages;

/// <summary>Navigation helpers shared by the page objects.</summary>
public static class BlazorPage
{
    /// <summary>
    /// Opens an interactive (Blazor Server) page and returns once the circuit has replaced the prerendered form,
    /// so typing and clicking reach the component rather than HTML that is about to be thrown away.
    /// </summary>
    public static async Task GotoInteractiveAsync(IPage page, string url, string selector = "form input")
    {
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.EvaluateAsync("s => { const e = document.querySelector(s); if (e) e.__prerendered = true; }", selector);
        await page.WaitForFunctionAsync("s => { const e = document.querySelector(s); return e !== null && e.__prerendered !== true; }", selector);
    }
}
