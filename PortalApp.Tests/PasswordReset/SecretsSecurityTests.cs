using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PortalApp.Features.Email;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.PasswordReset;

/// <summary>A full reset with every log category at Trace: the token, the link and the new password appear in no log, activity row or sent email row.</summary>
[Trait("Category", "Security")]
public sealed class SecretsSecurityTests : IDisposable
{
    private const string NewPassword = "Secret-Harbor-Quartz-7731";
    private readonly PortalAppFactory factory = new();
    private readonly CapturedLogs logs;

    public SecretsSecurityTests()
    {
        logs = CapturedLogs.AttachTo(factory);
    }

    [Fact]
    public async Task FullReset_AllLogsAtTrace_NeverContainTokenLinkOrPassword()
    {
        using var client = PortalSignIn.AnonymousClient(factory);
        var (link, token) = await RequestResetLinkAsync(client);

        var page = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ResetPasswordService>()
                .CompleteAsync(token, NewPassword, new ClientInfo("127.0.0.1", "test"));
            Assert.Equal(ResetOutcome.Completed, result.Outcome);
        }

        var signIn = await StaticForm.SubmitAsync(client, "/Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = "customer@example.com", ["Input.Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await Poll.UntilAsync(() => factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)), n => n == 0, "every email sent");

        var secrets = new[] { token, Uri.EscapeDataString(token), NewPassword, link };
        AssertNotLogged(secrets);

        var activity = await factory.WithDbAsync(db => db.ResetActivityEvents.AsNoTracking().ToListAsync());
        var outbox = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var stored = System.Text.Json.JsonSerializer.Serialize(activity) + System.Text.Json.JsonSerializer.Serialize(outbox);
        Assert.NotEmpty(activity);
        Assert.NotEmpty(outbox);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }

        // And nowhere in the database files at all, free pages and WAL included.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.DataDirectory, "portal.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in new[] { token, NewPassword })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret[..4]}… found in {Path.GetFileName(file)}");
            }
        }
    }

    [Fact]
    public async Task ThemeToggle_OnResetPage_NotOfferedAndAPostedLinkNeverReachesALogAtTrace()
    {
        using var client = PortalSignIn.AnonymousClient(factory);
        var (link, token) = await RequestResetLinkAsync(client);

        var page = StaticForm.Parse(await client.GetStringAsync(new Uri(link).PathAndQuery));
        Assert.Null(page.QuerySelector("form[action='preferences/theme']"));

        // A toggle posted with the link anyway (a page from before, a crafted request) comes back without it.
        var toggled = await StaticForm.SubmitToAsync(client, "/", "preferences/theme", new Dictionary<string, string> { ["returnUrl"] = new Uri(link).PathAndQuery });

        Assert.Equal(HttpStatusCode.Redirect, toggled.StatusCode);
        Assert.Equal("/Account/ResetPassword", toggled.Headers.Location!.OriginalString);
        AssertNotLogged(token, Uri.EscapeDataString(token));
    }

    [Theory]
    [InlineData("/Account/ConfirmEmail?userId=user-4f1c&code=Q29uZmlybS1TZWNyZXQtOTE3", "/Account/ConfirmEmail")]
    [InlineData("/Account/ConfirmEmailChange?userId=user-4f1c&email=new%40example.com&code=Q29uZmlybS1TZWNyZXQtOTE3", "/Account/ConfirmEmailChange")]
    public async Task ThemeToggle_OnConfirmationLinkPage_NotOfferedAndAPostedLinkReturnsWithoutItsQuery(string page, string returnedTo)
    {
        using var client = PortalSignIn.AnonymousClient(factory);

        Assert.Null(StaticForm.Parse(await client.GetStringAsync(page)).QuerySelector("form[action='preferences/theme']"));
        var toggled = await StaticForm.SubmitToAsync(client, "/", "preferences/theme", new Dictionary<string, string> { ["returnUrl"] = page });

        Assert.Equal(HttpStatusCode.Redirect, toggled.StatusCode);
        Assert.Equal(returnedTo, toggled.Headers.Location!.OriginalString);
        AssertNotLogged("Q29uZmlybS1TZWNyZXQtOTE3", "user-4f1c");
    }

    public void Dispose() => factory.Dispose();

    /// <summary>Asks for a reset link through the forgot form and reads it from the email.</summary>
    private async Task<(string Link, string Token)> RequestResetLinkAsync(HttpClient client)
    {
        var forgot = await StaticForm.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "customer@example.com" });
        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        var mail = await Poll.UntilAsync(() => Task.FromResult(Mail.ReadPickup(factory.PickupDirectory)), m => m.Count > 0, "the reset email");
        var link = Mail.LinkStartingWith(mail[0], "http://portal.test/Account/ResetPassword?token=");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
        return (link, token);
    }

    /// <summary>The capture sees Trace and request-level entries (so an empty search means something), and none holds a secret.</summary>
    private void AssertNotLogged(params string[] secrets)
    {
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Trace);
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level <= LogLevel.Debug);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(secret, StringComparison.Ordinal));
        }
    }
}
