using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.Passwords;

[Collection(BrowserCollection.Name)]
public sealed class RegisterPasswordPolicyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string NotCommon = "Not an easily guessable password (like \"password123\")";
    private PortalServer server = default!;

    public ValueTask InitializeAsync()
    {
        server = PortalServer.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task RegisterPage_TypingAPassword_ChecklistAndStrengthFollowEachKeystroke()
    {
        await using var context = await browser.NewContextAsync();
        var register = new RegisterPage(await context.NewPageAsync(), server.BaseUrl);
        await register.OpenAsync();
        await Expect(register.Rules).ToBeVisibleAsync();
        await register.FullName.FillAsync("Alex Morgan");
        await register.Email.FillAsync("alex.morgan@example.com");

        await register.TypePasswordAsync("blue");
        await ExpectRulesAsync(register, ("min-length", false), ("uppercase", false), ("digit", false), ("special", false));

        await register.TypePasswordAsync("Blue-Harbor-7781");
        await ExpectRulesAsync(register, ("min-length", true), ("uppercase", true), ("digit", true), ("special", true), ("not-common", true), ("not-personal", true));
        await Expect(register.Strength).ToHaveAttributeAsync("data-score", "4");
        await Expect(register.Strength).ToContainTextAsync("Very strong");
        await Screenshots.SaveIfAskedAsync(register.Page, "register-strong");

        await register.Password.PressSequentiallyAsync("Morgan");
        await ExpectRulesAsync(register, ("not-personal", false));

        await register.TypePasswordAsync("P@ssw0rd1");
        await ExpectRulesAsync(register, ("not-common", false), ("uppercase", true), ("special", true));
        await Expect(register.Strength).ToHaveAttributeAsync("data-score", "0");
        await Expect(register.Strength).ToContainTextAsync("Very weak");
        await Expect(register.Rules.GetByRole(AriaRole.Status)).ToHaveTextAsync("5 of 6 requirements met");
        await Screenshots.SaveIfAskedAsync(register.Page, "register-weak");
    }

    [Fact]
    public async Task RegisterPage_SubmitWithACommonPassword_RefusedNamingTheRule()
    {
        await using var context = await browser.NewContextAsync();
        var register = new RegisterPage(await context.NewPageAsync(), server.BaseUrl);
        await register.OpenAsync();
        await register.FullName.FillAsync("Pat Doe");
        await register.Email.FillAsync("pat.doe@example.com");
        await register.TypePasswordAsync("Password123!");
        await register.ConfirmPassword.PressSequentiallyAsync("Password123!");
        await Expect(register.PasswordsMatch).ToHaveAttributeAsync("data-match", "true");
        await Expect(register.PasswordsMatch).ToHaveTextAsync("Passwords match");

        await register.Submit.ClickAsync();

        await Expect(register.Alert).ToContainTextAsync(NotCommon);
        await Expect(register.Page).ToHaveURLAsync(server.Url("Account/Register"));
    }

    [Fact]
    public async Task RegisterPage_PastedPasswordOverTheLimit_KeptWholeAndFlaggedNamingTheLimit()
    {
        await using var context = await browser.NewContextAsync();
        var register = new RegisterPage(await context.NewPageAsync(), server.BaseUrl);
        await register.OpenAsync();
        var message = register.Page.GetByText("Use at most 128 characters");

        await register.Password.FillAsync("Blue-Harbor-7781" + new string('x', 112));
        await Expect(register.Rule("min-length")).ToHaveAttributeAsync("data-satisfied", "true");
        await Expect(message).ToBeHiddenAsync();

        await register.Password.PressSequentiallyAsync("yz");
        await Expect(register.Page.GetByText("Use at most 128 characters (this one has 130).")).ToBeVisibleAsync();
        await Expect(register.Password).ToHaveValueAsync("Blue-Harbor-7781" + new string('x', 112) + "yz");
        await register.Password.PressAsync("Backspace");
        await register.Password.PressAsync("Backspace");
        await Expect(message).ToBeHiddenAsync();
    }

    [Fact]
    public async Task RegisterPage_ShowToggle_RevealsThePasswordText()
    {
        await using var context = await browser.NewContextAsync();
        var register = new RegisterPage(await context.NewPageAsync(), server.BaseUrl);
        await register.OpenAsync();
        await register.TypePasswordAsync("Blue-Harbor-7781");
        await Expect(register.Password).ToHaveAttributeAsync("type", "password");

        await register.Page.GetByRole(AriaRole.Button, new() { Name = "Show password" }).ClickAsync();

        await Expect(register.Password).ToHaveAttributeAsync("type", "text");
        await Expect(register.Password).ToHaveValueAsync("Blue-Harbor-7781");
        await Expect(register.Password).ToHaveAttributeAsync("autocomplete", "new-password");
    }

    private static async Task ExpectRulesAsync(RegisterPage register, params (string Id, bool Satisfied)[] rules)
    {
        foreach (var (id, satisfied) in rules)
        {
            await Expect(register.Rule(id)).ToHaveAttributeAsync("data-satisfied", satisfied ? "true" : "false");
        }
    }
}
