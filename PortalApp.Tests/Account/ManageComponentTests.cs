using Bunit;
using MudBlazor;
using PortalApp.Features.Account;
using PortalApp.Features.Account.Manage;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

public sealed class ManageComponentTests : BunitTestBase, IAsyncLifetime
{
    public ManageComponentTests()
    {
        Render<MudPopoverProvider>();
    }

    // MudBlazor's input services are async-disposable only; xunit disposes the context through its (inherited) DisposeAsync.
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void ProfileForm_ValidInput_SavesTheEnteredValues()
    {
        ProfileInput? saved = null;
        var model = new ProfileInput { FullName = "Alex Morgan", PhoneNumber = "+44 20 7946 0958", TimeZoneId = "Europe/London", Language = "de" };
        var cut = Render<ProfileForm>(p => p.Add(f => f.Model, model).Add(f => f.OnSave, (ProfileInput m) => saved = m));

        cut.Find("form").Submit();

        Assert.NotNull(saved);
        Assert.Equal("Europe/London", saved.TimeZoneId);
        Assert.Empty(cut.FindAll(".mud-input-helper-text.mud-input-error"));
    }

    [Theory]
    [InlineData("FullName", "Alex\nMorgan", "Full name can't contain line breaks or control characters.")]
    [InlineData("FullName", "", "Enter your full name.")]
    [InlineData("PhoneNumber", "call me maybe", "Enter a valid phone number, like +44 20 7946 0958.")]
    [InlineData("PhoneNumber", "+1 2", "Enter a valid phone number, like +44 20 7946 0958.")]
    [InlineData("TimeZoneId", "Mars/Olympus_Mons", "Choose a time zone from the list.")]
    [InlineData("Language", "tlh", "Choose a language from the list.")]
    public void ProfileForm_BadInput_ShowsMessageAndDoesNotSave(string field, string value, string message)
    {
        var saved = false;
        var model = new ProfileInput { FullName = "Alex Morgan" };
        typeof(ProfileInput).GetProperty(field)!.SetValue(model, value);
        var cut = Render<ProfileForm>(p => p.Add(f => f.Model, model).Add(f => f.OnSave, (ProfileInput _) => saved = true));

        cut.Find("form").Submit();

        Assert.False(saved);
        Assert.Contains(message, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileForm_OverLongName_ShowsLimit()
    {
        var saved = false;
        var model = new ProfileInput { FullName = new string('a', 101) };
        var cut = Render<ProfileForm>(p => p.Add(f => f.Model, model).Add(f => f.OnSave, (ProfileInput _) => saved = true));

        cut.Find("form").Submit();

        Assert.False(saved);
        Assert.Contains("Full name can be at most 100 characters.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileForm_NewCustomer_SecurityEmailsOnProductNewsOff()
    {
        var cut = Render<ProfileForm>(p => p.Add(f => f.Model, new ProfileInput()));

        var switches = cut.FindAll("input[type=checkbox]");
        Assert.Equal(2, switches.Count);
        Assert.True(switches[0].HasAttribute("checked") || switches[0].GetAttribute("aria-checked") == "true");
        Assert.False(switches[1].HasAttribute("checked") || switches[1].GetAttribute("aria-checked") == "true");
    }

    [Fact]
    public void ShowRecoveryCodes_TenCodes_ListsThemAndOffersATextFile()
    {
        var codes = Enumerable.Range(0, 10).Select(i => $"CODE{i}-ABCDE").ToList();
        var cut = Render<ShowRecoveryCodes>(p => p.Add(c => c.Codes, codes).Add(c => c.Email, "alex@example.com"));

        Assert.Equal(codes, cut.FindAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()));
        var link = cut.Find("[data-testid=download-recovery-codes]");
        Assert.Equal("customer-portal-recovery-codes.txt", link.GetAttribute("download"));
        var file = Uri.UnescapeDataString(link.GetAttribute("href")!["data:text/plain;charset=utf-8,".Length..]);
        Assert.All(codes, code => Assert.Contains(code, file, StringComparison.Ordinal));
        Assert.Contains("alex@example.com", file, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthenticatorSetupPanel_Setup_ShowsGroupedKeyAndQrImage()
    {
        var uri = MfaService.AuthenticatorUri("alex@example.com", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        var setup = new AuthenticatorSetup(MfaService.FormatKey("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), uri, MfaService.QrCodeDataUri(uri));
        var cut = Render<AuthenticatorSetupPanel>(p => p.Add(c => c.Setup, setup));

        Assert.Equal("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP", cut.Find("[data-testid=authenticator-key]").TextContent);
        var src = cut.Find("[data-testid=authenticator-qr]").GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal);
        var png = Convert.FromBase64String(src["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void ManageNav_Rendered_LinksEveryAccountSection()
    {
        var cut = Render<ManageNav>();

        var hrefs = cut.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["Account/Manage", "Account/Manage/Email", "Account/Manage/ChangePassword", "Account/Manage/TwoFactor", "Account/Manage/Activity", "Account/Manage/Privacy"],
            hrefs);
    }
}
