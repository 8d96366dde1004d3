using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.HelpCenter;

/// <summary>Page objects for the help center, in the customer's words.</summary>
public sealed class HelpCenterPage(IPage page)
{
    public ILocator SearchBox => page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the help center" });

    public ILocator Results => page.GetByTestId("search-results").GetByRole(AriaRole.Link);

    public async Task OpenAsync(string baseUrl)
    {
        await page.GotoAsync(baseUrl + "help");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How can we help you?", Level = 1 })).ToBeVisibleAsync();
        // Typing before the circuit connects would be wiped by the first interactive render.
        await Expect(page.Locator("form[role=search][data-interactive=true]")).ToBeVisibleAsync();
    }

    public async Task SearchAsync(string text)
    {
        await SearchBox.FillAsync(text);
        await SearchBox.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/help/search\?q="));
    }
}

public sealed class HelpArticlePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Feedback => page.GetByTestId("article-feedback");

    public Task VoteAsync(bool helpful)
        => Feedback.GetByRole(AriaRole.Button, new() { Name = helpful ? "Yes" : "No", Exact = true }).ClickAsync();
}
