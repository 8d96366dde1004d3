using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.Account.Manage;
using PortalApp.Features.Passwords;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Passwords;

public sealed class PasswordPolicyComponentTests : BunitTestBase
{
    private static readonly TimeSpan EstimateTimeout = TimeSpan.FromSeconds(10);

    public PasswordPolicyComponentTests()
    {
        Services.AddSingleton(PasswordPolicies.Default);
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void NewPasswordFields_EachInputEvent_ChecklistFollowsWithoutBlur()
    {
        var cut = Render<NewPasswordFields>();

        Type(cut, "abc");
        cut.WaitForAssertion(() => Assert.Equal(("false", "false", "false"), (Rule(cut, "uppercase"), Rule(cut, "min-length"), Rule(cut, "digit"))));

        Type(cut, "Abcdefg1");
        cut.WaitForAssertion(() => Assert.Equal(("true", "true", "true", "false"), (Rule(cut, "uppercase"), Rule(cut, "digit"), Rule(cut, "min-length"), Rule(cut, "special"))));

        Type(cut, "Abcdefg1!");
        cut.WaitForAssertion(() => Assert.Equal("true", Rule(cut, "special")));
    }

    [Fact]
    public void NewPasswordFields_WeakThenStrong_MeterScoreAndLabelFollow()
    {
        var cut = Render<NewPasswordFields>();

        Type(cut, "qwertyuiop");
        cut.WaitForAssertion(() => Assert.Contains("Very weak", cut.Find("[data-testid=password-strength]").TextContent), EstimateTimeout);
        Assert.Equal("0", cut.Find("[data-testid=password-strength]").GetAttribute("data-score"));
        Assert.Equal("false", Rule(cut, "not-common"));

        Type(cut, "Sunset!Marble#Lantern2049-Quartz");
        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find("[data-testid=password-strength]").GetAttribute("data-score")), EstimateTimeout);
        Assert.Contains("Very strong", cut.Find("[data-testid=password-strength]").TextContent);
        Assert.Equal("true", Rule(cut, "not-common"));
    }

    [Fact]
    public void ChangePasswordFields_Rendered_InputsCarryTheStaticFormsNamesAndTheCustomersNameCounts()
    {
        var cut = Render<ChangePasswordFields>(p => p
            .Add(x => x.CurrentPasswordName, "Input.CurrentPassword")
            .Add(x => x.PasswordName, "Input.NewPassword")
            .Add(x => x.ConfirmPasswordName, "Input.ConfirmPassword")
            .Add(x => x.FullName, "Alex Morgan")
            .Add(x => x.Email, "customer@example.com"));

        Assert.Equal(["Input.CurrentPassword", "Input.NewPassword", "Input.ConfirmPassword"], cut.FindAll("input").Select(i => i.GetAttribute("name")));
        cut.Find("input[name='Input.NewPassword']").Input("Customer-Harbor-7781");
        cut.WaitForAssertion(() => Assert.Equal(("true", "false"), (cut.Find("[data-testid=rule-min-length]").GetAttribute("data-satisfied"), cut.Find("[data-testid=rule-not-personal]").GetAttribute("data-satisfied"))));
    }

    [Fact]
    public void NewPasswordFields_NameChangesAfterTyping_NotPersonalReevaluated()
    {
        var cut = Render<NewPasswordFields>(p => p.Add(x => x.FullName, "Alex Morgan").Add(x => x.Email, "alex@example.com"));
        Type(cut, "Morgan-Harbor-7781");
        cut.WaitForAssertion(() => Assert.Equal(("true", "false"), (Rule(cut, "min-length"), Rule(cut, "not-personal"))));

        cut.Render(p => p.Add(x => x.FullName, "Jo Doe").Add(x => x.Email, "jo@example.com"));

        Assert.Equal("true", Rule(cut, "not-personal"));
    }

    [Fact]
    public void NewPasswordFields_CountChanges_LiveRegionAnnouncesProgressOnly()
    {
        var cut = Render<NewPasswordFields>();
        var status = cut.Find("[data-testid=password-rules-status]");
        Assert.Equal("polite", status.GetAttribute("aria-live"));
        Assert.Equal("", status.TextContent);

        Type(cut, "Blue-Harbor-7781");
        cut.WaitForAssertion(() => Assert.Equal("6 of 6 requirements met", cut.Find("[data-testid=password-rules-status]").TextContent), EstimateTimeout);

        Type(cut, "blue-harbor-7781");
        cut.WaitForAssertion(() => Assert.Equal("5 of 6 requirements met", cut.Find("[data-testid=password-rules-status]").TextContent));
    }

    [Fact]
    public void PasswordRulesChecklist_Evaluation_StatesInWordsNotColourAlone()
    {
        var evaluation = PasswordPolicies.Default.EvaluateRules("Ab", PasswordContext.None);
        var cut = Render<PasswordRulesChecklist>(p => p.Add(x => x.Evaluation, evaluation));

        var uppercase = cut.Find("[data-testid=rule-uppercase]");
        var minLength = cut.Find("[data-testid=rule-min-length]");
        Assert.Equal(6, cut.FindAll("[data-testid^=rule-]").Count);
        Assert.Contains("(met)", uppercase.TextContent);
        Assert.Contains("(not met yet)", minLength.TextContent);
        Assert.Contains("At least 1 uppercase letter", uppercase.TextContent);
    }

    [Fact]
    public void PasswordStrengthMeter_FairWithFeedback_ShowsScoreLabelWarningAndSuggestion()
    {
        var strength = new PasswordStrength(2, "Dates are often easy to guess.", ["Avoid dates and years that are associated with you."]);
        var cut = Render<PasswordStrengthMeter>(p => p.Add(x => x.Strength, strength).Add(x => x.HasPassword, true));

        var meter = cut.Find("[data-testid=password-strength]");
        Assert.Equal("2", meter.GetAttribute("data-score"));
        Assert.Contains("Strength: Fair", meter.TextContent);
        Assert.Contains("Dates are often easy to guess.", meter.TextContent);
        Assert.Contains("Avoid dates and years that are associated with you.", meter.TextContent);
        Assert.Equal("Fair", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));
        Assert.Equal(3, cut.FindAll(".segment.filled").Count);
    }

    [Theory]
    [InlineData(128, false)]
    [InlineData(129, true)]
    public void PasswordField_LongerThanMax_ShowsMessageNamingTheLimit(int length, bool shown)
    {
        var cut = Render<PasswordField>();

        cut.Find("input").Input("Blue-Harbor-7781" + new string('x', length - 16));

        cut.WaitForAssertion(() => Assert.Equal(shown, cut.Markup.Contains($"Use at most 128 characters (this one has {length}).", StringComparison.Ordinal)));
        Assert.True(int.Parse(cut.Find("input").GetAttribute("maxlength") ?? "0", System.Globalization.CultureInfo.InvariantCulture) is 0 or > 128);
        Assert.Equal("new-password", cut.Find("input").GetAttribute("autocomplete"));
    }

    [Fact]
    public void PasswordField_ShowToggle_RevealsAndHidesThePassword()
    {
        var cut = Render<PasswordField>(p => p.Add(x => x.Value, "secret").Add(x => x.Label, "Password"));
        Assert.Equal("password", cut.Find("input").GetAttribute("type"));

        cut.Find("button[aria-label='Show password']").Click();
        Assert.Equal("text", cut.Find("input").GetAttribute("type"));

        cut.Find("button[aria-label='Hide password']").Click();
        Assert.Equal("password", cut.Find("input").GetAttribute("type"));
    }

    [Theory]
    [InlineData("Blue-Harbor-7781", "true", "Passwords match")]
    [InlineData("Blue-Harbor-778", "false", "Passwords don't match yet")]
    public void ConfirmPasswordField_Typed_IndicatesWhetherPasswordsMatch(string confirmation, string match, string text)
    {
        var cut = Render<ConfirmPasswordField>(p => p.Add(x => x.Password, "Blue-Harbor-7781").Add(x => x.Value, confirmation));

        var indicator = cut.Find("[data-testid=password-match]");
        Assert.Equal(match, indicator.GetAttribute("data-match"));
        Assert.Contains(text, indicator.TextContent);
    }

    private static void Type(IRenderedComponent<NewPasswordFields> cut, string text) => cut.Find("input[type=password]").Input(text);

    private static string? Rule(IRenderedComponent<NewPasswordFields> cut, string id)
        => cut.Find($"[data-testid=rule-{id}]").GetAttribute("data-satisfied");
}
