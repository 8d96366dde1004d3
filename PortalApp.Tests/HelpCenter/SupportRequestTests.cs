using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using PortalApp.Data;
using PortalApp.Features.HelpCenter;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.HelpCenter;

public sealed partial class SupportRequestTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Create_ValidForm_StoresRequestAndEmailsSupportAddress()
    {
        var ownEmail = $"{Guid.NewGuid():N}@example.com";
        var customer = await NewCustomerAsync(ownEmail);
        var id = await WithRequestsAsync(r => r.CreateAsync(Form("Can't find my invoice"), Customer(customer), Client));

        var stored = await factory.WithDbAsync(db => db.Set<SupportRequest>().AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(SupportRequestStatus.Open, stored.Status);
        Assert.Equal(customer, stored.UserId);

        var email = await WaitForEmailAsync($"Support request #{id}:");
        Assert.Equal("support@example.com", email.To.Mailboxes.Single().Address);
        Assert.Contains("Can't find my invoice", email.Subject);
        Assert.Contains("I looked everywhere for the November invoice.", email.TextBody);
        Assert.Contains(ownEmail, email.TextBody);
    }

    [Theory]
    [InlineData("Subject with\nline break", "A perfectly fine message body.")]
    [InlineData("Bell\u0007", "A perfectly fine message body.")]
    [InlineData("Fine subject", "Message with a NUL \0 inside it")]
    [InlineData("", "A perfectly fine message body.")]
    public async Task Create_ControlCharactersOrMissingFields_AreRejectedAndNothingStored(string subject, string message)
    {
        var form = Form(subject);
        form.Message = message;

        await Assert.ThrowsAsync<ArgumentException>(() => WithRequestsAsync(r => r.CreateAsync(form, null, Client)));
        Assert.False(await factory.WithDbAsync(db => db.Set<SupportRequest>().AnyAsync(r => r.Subject == subject)));
    }

    [Fact]
    public async Task Create_OverlongMessage_IsRejected()
    {
        var form = Form("Overlong");
        form.Message = new string('a', HelpCenterLimits.SupportMessageMaxLength + 1);

        await Assert.ThrowsAsync<ArgumentException>(() => WithRequestsAsync(r => r.CreateAsync(form, null, Client)));
    }

    [Fact]
    public async Task Create_TooManyFromOneAddressInAnHour_IsRefused()
    {
        var form = Form("Flood");
        form.Email = $"{Guid.NewGuid():N}@example.com";
        for (var i = 0; i < SupportRequests.MaxRequestsPerHour; i++)
        {
            await WithRequestsAsync(r => r.CreateAsync(form, null, Client));
        }

        await Assert.ThrowsAsync<SupportRequestLimitException>(() => WithRequestsAsync(r => r.CreateAsync(form, null, Client)));
        Assert.Equal(SupportRequests.MaxRequestsPerHour, await factory.WithDbAsync(db => db.Set<SupportRequest>().CountAsync(r => r.Email == form.Email)));
    }

    [Fact]
    public async Task Create_SignedInCustomerPostsSomeoneElsesNameAndEmail_StoresAndEmailsTheAccountsOwn()
    {
        var ownEmail = $"{Guid.NewGuid():N}@example.com";
        var customer = await NewCustomerAsync(ownEmail);
        var form = Form("Please reset my MFA");
        form.Name = "Victim Person";
        form.Email = "victim@example.com";

        var id = await WithRequestsAsync(r => r.CreateAsync(form, Customer(customer), Client));

        var stored = await factory.WithDbAsync(db => db.Set<SupportRequest>().AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(("Test Customer", ownEmail, customer), (stored.Name, stored.Email, stored.UserId));
        var email = await WaitForEmailAsync($"Support request #{id}:");
        Assert.Contains(ownEmail, email.TextBody);
        Assert.DoesNotContain("victim", email.TextBody + email.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ManagePage_StoredAddressOrSubjectWithLinkSyntax_ReplyLinksHaveOneRecipientAndOnlyASubject()
    {
        string[] addresses =
        [
            "victim@example.com?cc=attacker@evil.test", "victim@example.com,attacker@evil.test", "victim@example.com&bcc=attacker@evil.test",
            "victim@example.com%0ABcc:attacker@evil.test", "victim@example.com;attacker@evil.test", "plain@example.com",
        ];
        const string subject = "Hi?cc=attacker@evil.test&bcc=attacker@evil.test%0ABcc: attacker@evil.test&body=x";
        var ids = new List<int>();
        foreach (var address in addresses)
        {
            ids.Add(await StoreRawAsync(address, subject));
        }

        using var staff = await PortalSignIn.SignedInClientAsync(factory, "staff@example.com");
        var html = await staff.GetStringAsync("/support/manage");

        var links = MailtoLinks().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var query = link.IndexOf('?', StringComparison.Ordinal);
            var to = Uri.UnescapeDataString(link["mailto:".Length..query]);
            Assert.Single(to, '@');
            Assert.DoesNotContain("evil.test", to, StringComparison.Ordinal);
            Assert.All(link[(query + 1)..].Split('&'), header => Assert.StartsWith("subject=", header, StringComparison.Ordinal));
        }

        var reply = links.Single(l => l.StartsWith("mailto:plain@example.com?", StringComparison.Ordinal) && l.Contains($"%23{ids[^1]}%3A", StringComparison.Ordinal));
        Assert.Equal($"Re: Support request #{ids[^1]}: {subject}", Uri.UnescapeDataString(reply[(reply.IndexOf('=', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task Create_SignedInCustomerOverTheHourlyLimit_IsRefusedEvenAfterChangingAddress()
    {
        var customer = await NewCustomerAsync();
        for (var i = 0; i < SupportRequests.MaxRequestsPerHour; i++)
        {
            if (i == 2)
            {
                var changed = $"{Guid.NewGuid():N}@example.com";
                await factory.WithDbAsync(db => db.Users.Where(u => u.Id == customer).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, changed)));
            }

            await WithRequestsAsync(r => r.CreateAsync(Form("Per account"), Customer(customer), Client));
        }

        var refused = await Assert.ThrowsAsync<SupportRequestLimitException>(() => WithRequestsAsync(r => r.CreateAsync(Form("Per account"), Customer(customer), Client)));
        Assert.Contains("several requests in the last hour", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForUser_TwoCustomers_SeeOnlyTheirOwnRequests()
    {
        var (a, b) = (await NewCustomerAsync(), await NewCustomerAsync());
        await WithRequestsAsync(r => r.CreateAsync(Form("Mine"), Customer(a), Client));
        await WithRequestsAsync(r => r.CreateAsync(Form("Theirs"), Customer(b), Client));

        var mine = await WithRequestsAsync(r => r.ForUserAsync(a));

        Assert.Equal(["Mine"], mine.Select(r => r.Subject));
    }

    [Fact]
    public async Task SetStatus_StaffChangesStatus_CustomerSeesIt()
    {
        var customer = await NewCustomerAsync();
        var id = await WithRequestsAsync(r => r.CreateAsync(Form("Status please"), Customer(customer), Client));

        Assert.True(await WithRequestsAsync(r => r.SetStatusAsync(id, SupportRequestStatus.Resolved)));

        var mine = await WithRequestsAsync(r => r.ForUserAsync(customer));
        Assert.Equal(SupportRequestStatus.Resolved, mine.Single().Status);
    }

    [Fact]
    public async Task MySupportPage_NotSignedIn_RedirectsToLogin()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/support");

        Assert.Contains("Account/Login", response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync());
    }

    private static readonly ClientInfo Client = new("192.0.2.10", "tests");

    private static SupportRequestForm Form(string subject) => new()
    {
        Name = "Alex Morgan",
        Email = "alex@example.com",
        Subject = subject,
        Category = HelpCategory.Billing,
        Message = "I looked everywhere for the November invoice.",
    };

    private static ClaimsPrincipal Customer(string id)
        => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));

    private async Task<string> NewCustomerAsync(string? email = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        email ??= $"{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, FullName = "Test Customer" };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user)).Succeeded);
        return user.Id;
    }

    /// <summary>A row as an older version, or a write that skipped the form, may have left it.</summary>
    private Task<int> StoreRawAsync(string email, string subject) => factory.WithDbAsync(async db =>
    {
        var request = new SupportRequest
        {
            Name = "Raw", Email = email, Subject = subject, Category = HelpCategory.Billing, Message = "Stored without the form.",
            Status = SupportRequestStatus.Open, CreatedAt = DateTimeOffset.UtcNow.AddDays(1), UpdatedAt = DateTimeOffset.UtcNow.AddDays(1),
        };
        db.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    [GeneratedRegex("href=\"(mailto:[^\"]*)\"")]
    private static partial Regex MailtoLinks();

    private async Task<T> WithRequestsAsync<T>(Func<SupportRequests, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SupportRequests>());
    }

    /// <summary>Polls the pickup folder until the dispatcher has written the email (or fails after the deadline).</summary>
    private async Task<MimeKit.MimeMessage> WaitForEmailAsync(string subjectPrefix)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var match = Mail.ReadPickup(factory.PickupDirectory).FirstOrDefault(m => (m.Subject ?? "").StartsWith(subjectPrefix, StringComparison.Ordinal));
            if (match is not null)
            {
                return match;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No email with subject starting '{subjectPrefix}' in {factory.PickupDirectory}");
            await Task.Delay(100);
        }
    }
}
