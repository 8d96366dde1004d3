using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>The static account pages around sign-in: confirm email, resend confirmation, sign out.</summary>
public sealed class AccountPagesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/Account/ConfirmEmail")]
    [InlineData("/Account/ConfirmEmail?userId=nobody&code=abc")]
    [InlineData("/Account/ConfirmEmail?userId=00000000-0000-0000-0000-000000000000&code=%%%")]
    public async Task ConfirmEmail_BadOrMissingLink_ExplainsWithoutError(string url)
    {
        using var client = NewClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var heading = StaticForm.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent.Trim();
        Assert.Equal("This link isn't valid", heading);
    }

    [Fact]
    public async Task ConfirmEmail_TamperedCode_LeavesAccountUnconfirmed()
    {
        var user = await TestUsers.CreateAsync(factory.Services, "tampered@example.com", confirmed: false);
        using var client = NewClient();

        var html = StaticForm.Parse(await client.GetStringAsync($"/Account/ConfirmEmail?userId={user.Id}&code=dGFtcGVyZWQ"));

        Assert.Equal("This link isn't valid", html.QuerySelector("h1")?.TextContent.Trim());
        Assert.False((await TestUsers.FindAsync(factory.Services, "tampered@example.com"))!.EmailConfirmed);
    }

    [Fact]
    public async Task ResendConfirmation_UnknownOrConfirmedAddress_SameAnswerNoEmail()
    {
        await TestUsers.CreateAsync(factory.Services, "already-confirmed@example.com");
        await TestUsers.CreateAsync(factory.Services, "still-waiting@example.com", confirmed: false);
        using var client = NewClient();
        var answers = new List<IReadOnlyList<string>>();

        foreach (var email in new[] { "never-registered@example.com", "already-confirmed@example.com", "still-waiting@example.com" })
        {
            var response = await StaticForm.SubmitAsync(client, "/Account/ResendEmailConfirmation", "resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(StaticForm.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("[role=status]").Select(e => e.TextContent.Trim()).ToList());
        }

        Assert.Contains("If an account for that address is waiting for confirmation, we've sent a new link.", Assert.Single(answers[0]), StringComparison.Ordinal);
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);

        // The worker handles requests in order: once the last one's email is queued, the first two were decided.
        var queued = await Outbox.WaitUntilAsync(factory, q => q.Any(m => m.ToAddress == "still-waiting@example.com"), "the re-sent confirmation");
        Assert.DoesNotContain(queued, m => m.ToAddress is "never-registered@example.com" or "already-confirmed@example.com");
    }

    [Fact]
    public async Task Logout_SignedInPost_ClearsTheAuthCookie()
    {
        await TestUsers.CreateAsync(factory.Services, "logout@example.com", "Lee Logout");
        using var client = NewClient();
        await PortalSignIn.SubmitAsync(client, "logout@example.com", TestUsers.Password);
        var home = StaticForm.Parse(await client.GetStringAsync("/"));
        Assert.Equal("Lee Logout", home.QuerySelector("[data-testid=signed-in-user]")?.TextContent.Trim());

        var response = await StaticForm.SubmitToAsync(client, "/", "Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.auth=;", StringComparison.Ordinal));
        Assert.Null(StaticForm.Parse(await client.GetStringAsync("/")).QuerySelector("[data-testid=signed-in-user]"));
    }

    [Fact]
    public async Task Logout_PostWithoutAntiforgeryToken_IsRejected()
    {
        using var client = NewClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });

        var response = await client.PostAsync("/Account/Logout", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
}
