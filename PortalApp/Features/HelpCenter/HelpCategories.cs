namespace PortalApp.Features.HelpCenter;

public static class HelpCategories
{
    public static readonly IReadOnlyList<HelpCategoryInfo> All =
    [
        new(HelpCategory.GettingStarted, "getting-started", "Getting Started", "Your first steps in the portal.", MudBlazor.Icons.Material.Filled.RocketLaunch),
        new(HelpCategory.AccountSecurity, "account-security", "Account & Security", "Passwords, sign-in, your details and multi-factor authentication.", MudBlazor.Icons.Material.Filled.Security),
        new(HelpCategory.Billing, "billing", "Billing", "Invoices, payments and your plan.", MudBlazor.Icons.Material.Filled.ReceiptLong),
        new(HelpCategory.Troubleshooting, "troubleshooting", "Troubleshooting", "Browsers, devices and fixing common problems.", MudBlazor.Icons.Material.Filled.Build),
    ];

    public static HelpCategoryInfo Info(HelpCategory category) => All.First(c => c.Category == category);

    public static HelpCategory? FromSlug(string? slug)
        => All.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase))?.Category;
}
