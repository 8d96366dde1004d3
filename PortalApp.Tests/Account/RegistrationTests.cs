using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.Account;

/// <summary>Registration in Chromium against the app on a real port, with email over a real SMTP server on loopback.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegistrationTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<string> serverErrors = [];
    private PortalServer server = default!;
    private IBrowserContext context = default!;
    private IPage page = default!;

    public ValueTask InitializeAsync()
    {
        // Links in emails use the configured base (localhost) while the browser talks to 127.0.0.1: a Host-header-built
        // link would point at 127.0.0.1 instead.
        server = PortalServer.Start(settings => settings["Portal:PublicBaseUrl"] = settings["Portal:PublicBaseUrl"]!.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Register_NewCustomer_ConfirmsEmailSignsInAndIsGreetedByName()
    {
        await OpenBrowserAsync();
        var register = new RegisterPage(page, server.BaseUrl);
        await register.OpenAsync();

        await register.RegisterAsync("Dana Whitfield", "dana@example.com", TestUsers.Password);

        await Expect(register.Heading).ToHaveTextAsync("Check your email");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("dana@example.com");
        var email = await server.Smtp.WaitForOneAsync("dana@example.com", "Confirm your email address");
        Assert.Equal("Dana Whitfield", email.To.Mailboxes.Single().Name);
        var link = Mail.LinkStartingWith(email, server.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "Account/ConfirmEmail?");
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), email.HtmlBody, StringComparison.Ordinal);

        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Email confirmed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        var login = new LoginPage(page, server.BaseUrl);
        await login.SignInAsync("dana@example.com", TestUsers.Password);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome back, Dana Whitfield");
        Assert.Empty(serverErrors);
    }

    [Fact]
    public async Task Register_ExistingEmail_SameAnswerAndOwnerNotified()
    {
        await OpenBrowserAsync();
        var register = new RegisterPage(page, server.BaseUrl);
        await register.OpenAsync();

        await register.RegisterAsync("Someone Else", "customer@example.com", TestUsers.Password);

        await Expect(register.Heading).ToHaveTextAsync("Check your email");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We've sent a confirmation link to customer@example.com.");
        var notice = await server.Smtp.WaitForOneAsync("customer@example.com", "Someone tried to register");
        Assert.Equal("Alex Morgan", notice.To.Mailboxes.Single().Name);
        Assert.Contains("Hello Alex Morgan,", notice.TextBody, StringComparison.Ordinal);

        var users = await server.Factory.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == "CUSTOMER@EXAMPLE.COM").ToListAsync());
        Assert.Equal("Alex Morgan", Assert.Single(users).FullName);
        Assert.DoesNotContain(server.Smtp.Messages, m => m.Subject == "Confirm your email address");
        Assert.Empty(serverErrors);
    }

    [Fact]
    public async Task Register_MalformedEmail_ShowsClearMessageAndCreatesNothing()
    {
        await OpenBrowserAsync();
        var register = new RegisterPage(page, server.BaseUrl);
        await register.OpenAsync();

        await register.RegisterAsync("Ana Lima", "ana.example.com", TestUsers.Password);

        await Expect(register.ValidationMessage("Enter a valid email address, like name@example.com.")).ToBeVisibleAsync();
        await Expect(register.Heading).ToHaveTextAsync("Create an account");
        Assert.Equal(0, await server.Factory.WithDbAsync(db => db.Users.CountAsync(u => u.FullName == "Ana Lima")));
        Assert.Empty(serverErrors);
    }

    [Fact]
    public async Task Register_TenThousandCharacterName_CappedByTheFieldAndRefusedByTheServer()
    {
        await OpenBrowserAsync();
        var register = new RegisterPage(page, server.BaseUrl);
        await register.OpenAsync();
        var huge = new string('N', 10_000);

        await register.FullName.FillAsync(huge);
        Assert.Equal(100, (await register.FullName.InputValueAsync()).Length);

        // Without the browser's maxlength (a crafted client), the server still refuses it.
        await register.FullName.EvaluateAsync("e => e.removeAttribute('maxlength')");
        await register.FillAsync(huge, "long-name@example.com", TestUsers.Password);
        await register.Submit.ClickAsync();

        await Expect(register.ValidationMessage("Full name can be at most 100 characters.")).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Null(await TestUsers.FindAsync(server.Factory.Services, "long-name@example.com"));
        Assert.Empty(serverErrors);
    }

    [Fact]
    public async Task Register_RepeatedDoubleSubmit_OneAccountOneEmail()
    {
        await OpenBrowserAsync();
        var register = new RegisterPage(page, server.BaseUrl);
        await register.OpenAsync();
        await register.FillAsync("Double Clicker", "double@example.com", TestUsers.Password);

        // Several submits in the same tick, before the first render can disable the button.
        await register.Submit.EvaluateAsync("b => { b.click(); b.click(); b.click(); b.form.requestSubmit(); }");

        await Expect(register.Heading).ToHaveTextAsync("Check your email");
        await server.Smtp.WaitForOneAsync("double@example.com", "Confirm your email address");
        Assert.Equal(1, await server.Factory.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == "DOUBLE@EXAMPLE.COM")));
        var kinds = await server.Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "double@example.com").Select(m => m.Kind).ToListAsync());
        Assert.Equal(["confirm-email"], kinds);
        Assert.Empty(serverErrors);
    }

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }

        await server.DisposeAsync();
    }

    private async Task OpenBrowserAsync()
    {
        context = await browser.NewContextAsync();
        page = await context.NewPageAsync();
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                serverErrors.Add($"{response.Status} {response.Url}");
            }
        };
    }
}
