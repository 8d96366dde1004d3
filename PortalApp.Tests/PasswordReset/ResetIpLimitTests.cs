using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.PasswordReset;

/// <summary>The reset processor's per-IP limit counts clients the way the rate limits do: IPv6 per /64, IPv4-mapped as IPv4.</summary>
[Trait("Category", "Security")]
public sealed class ResetIpLimitTests : IDisposable
{
    private readonly PortalAppFactory factory = new();

    public ResetIpLimitTests()
    {
        factory.Settings["PasswordReset:MaxRequestsPerIp"] = "2";
    }

    [Theory]
    [InlineData(true, "2001:db8:1:2::a", "2001:db8:1:2::b", "2001:db8:1:2:ffff::c")]
    [InlineData(true, "192.0.2.7", "::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData(false, "2001:db8:1:2::a", "2001:db8:1:3::a", "2001:db8:1:4::a")]
    public async Task Requests_FromOneClientNetwork_CountTogetherTowardsTheIpLimit(bool thirdThrottled, params string[] addresses)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < addresses.Length; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var intake = scope.ServiceProvider.GetRequiredService<ResetRequestIntake>();
            ids.Add(await intake.SubmitAsync($"nobody-{i}@example.com", new ClientInfo(addresses[i], "tests")));
        }

        await factory.GetService<ResetRequestProcessor>().ProcessPendingAsync(CancellationToken.None);

        var statuses = await factory.WithDbAsync(db => db.ResetRequests.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.CreatedAt).Select(r => r.Status).ToListAsync());
        Assert.Equal(
            [ResetRequestStatus.UnknownAccount, ResetRequestStatus.UnknownAccount, thirdThrottled ? ResetRequestStatus.Throttled : ResetRequestStatus.UnknownAccount],
            statuses);
    }

    public void Dispose() => factory.Dispose();
}
