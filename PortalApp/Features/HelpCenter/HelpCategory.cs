namespace PortalApp.Features.HelpCenter;

public enum HelpCategory
{
    GettingStarted = 0,
    AccountSecurity = 1,
    Billing = 2,
    Troubleshooting = 3,
}

public sealed record HelpCategoryInfo(HelpCategory Category, string Slug, string Name, string Description, string Icon);

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

/// <summary>Input limits shared by the editor, the services and the schema.</summary>
public static class HelpCenterLimits
{
    public const int SlugMaxLength = 120;
    public const int TitleMaxLength = 200;
    public const int TagsMaxLength = 500;
    public const int TagMaxLength = 40;
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 50_000;
    public const int AuthorMaxLength = 100;
    public const int SupportSubjectMaxLength = 150;
    public const int SupportMessageMaxLength = 4_000;
}

/// <summary>Reads and writes the <c>|tag|tag|</c> column format.</summary>
public static class ArticleTags
{
    public static IReadOnlyList<string> Parse(string stored)
        => stored.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Lower-cases, turns spaces into hyphens, keeps letters, digits and hyphens, drops duplicates.</summary>
    public static string Normalize(string tag)
    {
        var chars = tag.Trim().ToLowerInvariant().Select(c => char.IsWhiteSpace(c) ? '-' : c).Where(c => char.IsLetterOrDigit(c) || c == '-');
        var text = new string(chars.ToArray()).Trim('-');
        return text.Length > HelpCenterLimits.TagMaxLength ? text[..HelpCenterLimits.TagMaxLength] : text;
    }

    public static string Format(IEnumerable<string> tags)
    {
        var list = tags.Select(Normalize).Where(t => t.Length > 0).Distinct().ToList();
        return list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }
}
