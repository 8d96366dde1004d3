using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.PasswordReset;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.PasswordReset;

/// <summary>The forgot form as a plain HTML POST, and what the background processor makes of each request.</summary>
public sealed class ForgotPasswordTests : IDisposable
{
    private readonly PortalAppFactory factory = new()
    {
        // The test server has no socket; give requests a client address so per-IP limits apply.
        ConfigureTestServices = s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemoteIpStartupFilter("203.0.113.7")),
    };

    [Fact]
    public async Task Post_KnownUnknownAndThrottled_GiveIdenticalAnswers()
    {
        var known = await PostAsync("customer@example.com");
        var unknown = await PostAsync("nobody-here@example.com");
        for (var i = 0; i < 3; i++)
        {
            await PostAsync("customer@example.com");
        }

        await WaitForProcessingAsync();
        var throttled = await PostAsync("customer@example.com");

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Status, throttled.Status);
        Assert.Contains("If an account exists for that address, we've sent a link to reset your password.", known.Body);
        Assert.Equal(known.Body, unknown.Body);
        Assert.Equal(known.Body, throttled.Body);
    }

    [Fact]
    public async Task Post_Known_QueuesOneResetEmailWithLinkFromConfiguredBase()
    {
        await PostAsync("customer@example.com");
        await WaitForProcessingAsync();
        var mail = await WaitForPickupAsync(1);
        var message = Assert.Single(mail);
        Assert.Equal("customer@example.com", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("http://portal.test/Account/ResetPassword?token=", Mail.LinkStartingWith(message, "http://portal.test/Account/ResetPassword"));
        var request = await factory.WithDbAsync(db => db.ResetRequests.SingleAsync());
        Assert.Equal(ResetRequestStatus.EmailSent, await PollStatusAsync(request.Id, ResetRequestStatus.EmailSent));
        var types = await factory.WithDbAsync(db => db.ResetActivityEvents.Where(e => e.RequestId == request.Id).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync());
        Assert.Equal([ResetActivityType.Requested, ResetActivityType.EmailQueued, ResetActivityType.EmailSent], types);
    }

    [Fact]
    public async Task Post_UnknownEmail_RecordsUnknownAccountAndSendsNothing()
    {
        await PostAsync("Nobody-Here@Example.com ");
        await WaitForProcessingAsync();
        var request = await factory.WithDbAsync(db => db.ResetRequests.SingleAsync());
        Assert.Equal(ResetRequestStatus.UnknownAccount, request.Status);
        Assert.Equal("nobody-here@example.com", request.Email);
        Assert.Null(request.TokenHash);
        Assert.Equal(0, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Post_FourthRequestWithin15Minutes_IsThrottled()
    {
        for (var i = 0; i < 4; i++)
        {
            await PostAsync("customer@example.com");
            await WaitForProcessingAsync();
        }

        var statuses = await factory.WithDbAsync(db => db.ResetRequests.OrderBy(r => r.CreatedAt).Select(r => r.Status).ToListAsync());
        Assert.Equal(3, statuses.Count(s => s != ResetRequestStatus.Throttled));
        Assert.Equal(ResetRequestStatus.Throttled, statuses[^1]);
        Assert.Equal(3, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Post_MoreThan20FromOneIpInAnHour_AreThrottled()
    {
        for (var i = 0; i < 21; i++)
        {
            await PostAsync($"someone{i}@example.com");
        }

        await WaitForProcessingAsync();
        var throttled = await factory.WithDbAsync(db => db.ResetRequests.CountAsync(r => r.Status == ResetRequestStatus.Throttled));
        Assert.Equal(1, throttled);
    }

    [Theory]
    [InlineData("", "Enter the email address of your account.")]
    [InlineData("not-an-email", "Enter a valid email address")]
    [InlineData("a@b.c\r\nBcc: evil@example.com", "Enter a valid email address")]
    public async Task Post_BadEmail_ShowsValidationAndRecordsNothing(string email, string message)
    {
        var answer = await PostAsync(email);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(message, answer.Body);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ResetRequests.CountAsync()));
    }

    [Fact]
    public async Task Post_TenThousandCharacterEmail_IsRefusedCleanly()
    {
        var answer = await PostAsync(new string('a', 10_000) + "@example.com");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("at most 254 characters", answer.Body);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ResetRequests.CountAsync()));
    }

    [Fact]
    public async Task Get_ResetAndForgotPages_SendNoReferrer()
    {
        using var client = factory.CreateClient();
        var forgot = await client.GetAsync("/Account/ForgotPassword");
        var reset = await client.GetAsync("/Account/ResetPassword?token=x");
        Assert.Equal("no-referrer", forgot.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-referrer", reset.Headers.GetValues("Referrer-Policy").Single());
    }

    public void Dispose() => factory.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string email)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await StaticForm.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var body = StaticForm.WithoutPerResponseValues(await response.Content.ReadAsStringAsync());

        // The answer echoes the requester's own address (to prefill "Request another link"); nothing else may differ.
        var echoed = Uri.EscapeDataString(email.Trim());
        return (response.StatusCode, echoed.Length == 0 ? body : body.Replace(echoed, "{email}", StringComparison.Ordinal));
    }

    private async Task WaitForProcessingAsync()
    {
        await factory.GetService<ResetRequestProcessor>().ProcessPendingAsync(CancellationToken.None);
    }

    private async Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForPickupAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var mail = Mail.ReadPickup(factory.PickupDirectory);
            if (mail.Count >= count || DateTime.UtcNow > deadline)
            {
                return mail;
            }

            await Task.Delay(50);
        }
    }

    private async Task<ResetRequestStatus> PollStatusAsync(Guid id, ResetRequestStatus wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var status = await factory.WithDbAsync(db => db.ResetRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
            if (status == wanted || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }
}
