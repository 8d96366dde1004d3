using Microsoft.Playwright;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Navigation helpers shared by the page objects.</summary>
public static class BlazorPage
{
    /// <summary>
    /// Opens an interactive (Blazor Server) page and returns once its circuit is live (the layout's
    /// <c>#portal-interactive</c> marker says so), so typing and clicking reach the component rather than the
    /// prerendered HTML that is about to be replaced.
    /// </summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("#portal-interactive[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
