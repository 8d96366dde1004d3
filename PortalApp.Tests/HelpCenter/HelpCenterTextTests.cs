using PortalApp.Platform.Input;
using PortalApp.Features.HelpCenter;
using PortalApp.Platform.Clients;

namespace PortalApp.Tests.HelpCenter;

public sealed class HelpCenterTextTests
{
    private readonly ArticleRenderer renderer = new();

    [Fact]
    public void ToSafeHtml_ScriptInMarkdown_IsStripped()
    {
        var html = renderer.ToSafeHtml("Hello\n\n<script>alert('x')</script>\n\n**bold**");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", html);
        Assert.Contains("<strong>bold</strong>", html);
    }

    [Fact]
    public void ToSafeHtml_EventHandlersAndJavascriptLinks_AreRemoved()
    {
        var html = renderer.ToSafeHtml("<img src=\"x.png\" onerror=\"alert(1)\">\n\n[click](javascript:alert(1)) <a href=\"javascript:alert(2)\">x</a>");

        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToSafeHtml_FormControls_AreRemoved()
    {
        var html = renderer.ToSafeHtml(
            "<form action=\"/Account/Login\" method=\"post\"><label>Password</label><input name=\"Input.Password\" type=\"password\">"
            + "<select><option>a</option></select><textarea>t</textarea><button type=\"submit\">Sign in</button></form>\n\nAfter");

        foreach (var tag in new[] { "<form", "<input", "<button", "<select", "<option", "<textarea", "<label" })
        {
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("After", html);
    }

    [Theory]
    [InlineData("position:fixed")]
    [InlineData("position:absolute")]
    [InlineData("position:sticky")]
    [InlineData("inset:0")]
    [InlineData("z-index:9999")]
    [InlineData("top:0")]
    [InlineData("transform:translate(0, -50vh)")]
    public void ToSafeHtml_OverlayCss_IsRemovedAndHarmlessStyleKept(string overlay)
    {
        var html = renderer.ToSafeHtml($"<div style=\"{overlay}; color: red\">Your session expired</div>");

        var property = overlay[..overlay.IndexOf(':', StringComparison.Ordinal)];
        Assert.DoesNotContain(property + ":", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("color:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_PortalClasses_AreRemoved()
    {
        var html = renderer.ToSafeHtml("<div class=\"mud-overlay mud-overlay-dark\">Your session expired</div>");

        Assert.DoesNotContain("mud-overlay", html);
        Assert.Contains("Your session expired", html);
    }

    [Fact]
    public void ToSafeHtml_PortalLinks_AreKept()
    {
        var html = renderer.ToSafeHtml("Go to the [sign-in page](/Account/Login).");

        Assert.Contains("<a href=\"/Account/Login\">sign-in page</a>", html);
    }

    [Fact]
    public void Terms_OperatorsAndQuotes_BecomePlainWords()
    {
        var terms = HelpSearchQuery.Terms("\"pass\" OR title:reset* NEAR(x) ^y -z");

        Assert.Equal(["pass", "or", "title", "reset", "near", "x", "y", "z"], terms);
        Assert.Equal("\"pass\"* AND \"or\"*", HelpSearchQuery.ToMatchExpression(terms.Take(2).ToList()));
    }

    [Fact]
    public void Terms_Unicode_KeepsLettersFromAnyScript()
    {
        Assert.Equal(["пароль", "café", "密码"], HelpSearchQuery.Terms("пароль, café! 密码 🔑"));
    }

    [Fact]
    public void Terms_TenThousandCharacters_AreCapped()
    {
        var terms = HelpSearchQuery.Terms(string.Concat(Enumerable.Range(0, 2_000).Select(i => $"w{i} ")));

        Assert.True(terms.Count <= HelpSearchQuery.MaxTerms);
    }

    [Fact]
    public void Terms_NothingSearchable_GivesNoMatchExpression()
    {
        Assert.Null(HelpSearchQuery.ToMatchExpression(HelpSearchQuery.Terms("\"*^()-+:")));
    }

    [Theory]
    [InlineData("Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)", true)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", true)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0", false)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1", false)]
    [InlineData("", false)]
    public void IsUnsupported_UserAgent_DetectsInternetExplorer(string userAgent, bool unsupported)
    {
        Assert.Equal(unsupported, BrowserSupport.IsUnsupported(userAgent));
    }

    [Theory]
    [InlineData("Resetting Your Customer Portal Password: Step-by-Step", "resetting-your-customer-portal-password-step-by-step")]
    [InlineData("  Café & MFA (2FA)  ", "cafe-mfa-2fa")]
    [InlineData("<script>", "script")]
    public void Slugify_Title_GivesUrlSafeSlug(string title, string slug)
    {
        Assert.Equal(slug, HelpArticles.Slugify(title));
    }

    [Theory]
    [InlineData("Line one\nLine two\twith tab", true)]
    [InlineData("Bell \u0007 character", false)]
    [InlineData("Null \0 character", false)]
    [InlineData("Hidden \u202E override", false)]
    public void MultilineText_ControlCharacters_AreRejectedExceptLineBreaks(string text, bool valid)
    {
        Assert.Equal(valid, new MultilineTextAttribute().IsValid(text));
    }
}
