using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.PasswordReset;

/// <summary>The whole self-service reset, as a customer does it at 2 a.m.: real browser, real server, real SMTP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordResetFlowTests(BrowserFixture browser)
{
    private const string Customer = "customer@example.com";
    private const string OldPassword = "Portal-Demo-2026!";
    private const string NewPassword = "Harbor-Lantern-Quartz-92";

    [Fact]
    public async Task ForgotPassword_WholeFlow_ResetsAndSignsInWithNewPassword()
    {
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // 1. On the login screen, click "Forgot Password".
        await page.GotoAsync(server.Url("Account/Login"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot Password?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url("Account/ForgotPassword"));

        // 2. Enter the email of the account.
        var forgot = new ForgotPasswordPage(page);
        await forgot.RequestLinkAsync(Customer);
        await Expect(forgot.Confirmation).ToContainTextAsync("If an account exists for that address, we've sent a link to reset your password.");
        await Expect(forgot.Confirmation).ToContainTextAsync("spam or junk folder");
        await Expect(forgot.Confirmation).ToContainTextAsync("valid for 60 minutes");

        // 3. The email arrives through the real SMTP server.
        var link = await ReceiveResetLinkAsync(server);

        // 4. Click the link and choose a new password.
        await page.GotoAsync(link);
        var reset = new ResetPasswordPage(page);
        await Expect(reset.Account).ToContainTextAsync("c••••@example.com");
        // Live feedback while typing: the checklist and meter follow every keystroke, with this customer's name known.
        await Expect(reset.Submit).ToBeEnabledAsync();
        // The link was checked once, while prerendering (where the browser's details are known), not again by the circuit.
        var opened = await server.Factory.WithDbAsync(db => db.ResetActivityEvents.Where(e => e.Type == PortalApp.Features.PasswordReset.ResetActivityType.LinkOpened).ToListAsync());
        Assert.Equal(await page.EvaluateAsync<string>("() => navigator.userAgent"), Assert.Single(opened).UserAgent);
        await reset.NewPassword.PressSequentiallyAsync("Morgan-Alex1");
        await Expect(page.GetByTestId("rule-not-personal")).ToHaveAttributeAsync("data-satisfied", "false");
        await Expect(page.GetByTestId("rule-uppercase")).ToHaveAttributeAsync("data-satisfied", "true");
        await reset.NewPassword.FillAsync("");
        await reset.NewPassword.PressSequentiallyAsync(NewPassword);
        await Expect(page.GetByTestId("rule-not-personal")).ToHaveAttributeAsync("data-satisfied", "true");
        await Expect(page.GetByTestId("rule-not-common")).ToHaveAttributeAsync("data-satisfied", "true");
        await Expect(page.GetByTestId("password-strength")).ToHaveAttributeAsync("data-score", new System.Text.RegularExpressions.Regex("[34]"));

        // The server refuses what the checklist shows as unmet, even if submitted.
        await reset.ChooseAsync("password123");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("can't be used");
        await reset.ChooseAsync(NewPassword);
        await Expect(reset.Heading).ToHaveTextAsync("Your password has been changed");

        // The customer is told, by email, that the password changed.
        var notice = await server.Smtp.WaitForOneAsync(Customer, "password was changed");
        Assert.Contains("If this wasn't you", notice.TextBody);

        // 5. Sign in with the new password; the old one no longer works; the link is spent.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).Last.ClickAsync();
        var signIn = new LoginPage(page, server.BaseUrl);
        await signIn.SignInAsync(Customer, NewPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome back, Alex Morgan");
        await ExpectOldPasswordAndLinkRefusedAsync(server, link);
    }

    [Fact]
    public async Task ResetLink_AfterItsLifetime_LeadsToRequestingANewOne()
    {
        await using var server = PortalServer.Start(s => s["PasswordReset:LinkLifetime"] = "00:00:02");
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(server.Url("Account/ForgotPassword"));
        await new ForgotPasswordPage(page).RequestLinkAsync(Customer);
        var email = await server.Smtp.WaitForOneAsync(Customer, "Reset your");
        var link = Mail.LinkStartingWith(email, server.Url("Account/ResetPassword?token="));

        // Wait until the stored expiry has passed (computed, not guessed).
        var expiresAt = await server.Factory.WithDbAsync(db => db.ResetRequests.Where(r => r.ExpiresAt != null).Select(r => r.ExpiresAt!.Value).SingleAsync());
        var wait = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await page.GotoAsync(link);
        var reset = new ResetPasswordPage(page);
        await Expect(reset.Heading).ToHaveTextAsync("This link has expired");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("reset links are valid for");
        await reset.RequestNewLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/ForgotPassword\\?email=customer%40example.com"));
        await Expect(new ForgotPasswordPage(page).Email).ToHaveValueAsync(Customer);
    }

    [Fact]
    public async Task ResetLink_Tampered_ShowsInvalidPageNot500()
    {
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(server.Url("Account/ResetPassword?token=%00%0D%0A%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
        Assert.Equal(200, response!.Status);
        await Expect(new ResetPasswordPage(page).Heading).ToHaveTextAsync("This link can't be used");
        Assert.Equal("no-referrer", await response.HeaderValueAsync("referrer-policy"));
    }

    private static async Task<string> ReceiveResetLinkAsync(PortalServer server)
    {
        var email = await server.Smtp.WaitForOneAsync(Customer, "Reset your");
        Assert.Contains("Alex Morgan", email.TextBody);
        Assert.Contains("This link is valid for 60 minutes (until", email.TextBody);
        Assert.Contains("UTC)", email.TextBody);
        Assert.Contains("you can ignore this email — your password won't change", email.TextBody);
        Assert.Contains("Reset my password", email.HtmlBody);
        return Mail.LinkStartingWith(email, server.Url("Account/ResetPassword?token="));
    }

    /// <summary>In another browser: the old password is refused and the used link can't be used again.</summary>
    private async Task ExpectOldPasswordAndLinkRefusedAsync(PortalServer server, string link)
    {
        await using var other = await browser.NewContextAsync();
        var otherPage = await other.NewPageAsync();
        var otherSignIn = new LoginPage(otherPage, server.BaseUrl);
        await otherSignIn.OpenAsync();
        await otherSignIn.SignInAsync(Customer, OldPassword);
        await Expect(otherSignIn.Error).ToContainTextAsync("The email or password is incorrect.");

        await otherPage.GotoAsync(link);
        await Expect(new ResetPasswordPage(otherPage).Heading).ToHaveTextAsync("This link can't be used");
        await Expect(otherPage.GetByRole(AriaRole.Alert)).ToContainTextAsync("already been used or isn't valid");
    }
}
