using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.Email;
using PortalApp.Features.HelpCenter;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.HelpCenter;

/// <summary>The contact form's per-client budget, on an app of its own so the low limit touches no other test.</summary>
public sealed class SupportRequestLimitTests : IDisposable
{
    private const int Limit = 3;
    private readonly PortalAppFactory factory = new();

    public SupportRequestLimitTests()
    {
        factory.Settings["RateLimiting:ContactSupport:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["RateLimiting:ContactSupport:Window"] = "01:00:00";
    }

    [Fact]
    public async Task Create_TwelveAddressesFromOneClient_OnlyTheClientsBudgetIsStoredAndEmailed()
    {
        var tag = Guid.NewGuid().ToString("N");
        var flooder = new ClientInfo("203.0.113.7", "flood");
        var refusals = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            try
            {
                await CreateAsync(Form($"flood{i}-{tag}@example.com", tag), flooder);
            }
            catch (SupportRequestLimitException limit)
            {
                refusals.Add(limit.Message);
            }
        }

        Assert.Equal(12 - Limit, refusals.Count);
        Assert.All(refusals, message => Assert.Contains("from your network", message, StringComparison.Ordinal));
        Assert.Equal(Limit, await factory.WithDbAsync(db => db.Set<SupportRequest>().CountAsync(r => r.Subject == tag)));
        Assert.Equal(Limit, await factory.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Subject.EndsWith(tag))));

        // Another client has a budget of its own.
        await CreateAsync(Form($"other-{tag}@example.com", tag), new ClientInfo("198.51.100.2", "other"));
    }

    public void Dispose() => factory.Dispose();

    private static SupportRequestForm Form(string email, string subject) => new()
    {
        Name = "Flood Test",
        Email = email,
        Subject = subject,
        Category = HelpCategory.Billing,
        Message = "Please read this message, it is very important.",
    };

    private async Task CreateAsync(SupportRequestForm form, ClientInfo client)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SupportRequests>().CreateAsync(form, null, client);
    }
}
