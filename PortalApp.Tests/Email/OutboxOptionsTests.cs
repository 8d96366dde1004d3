using PortalApp.Features.Email;

namespace PortalApp.Tests.Email;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void RetryDelay_MoreAttempts_GrowsExponentiallyUpToTheMaximum()
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromMinutes(10) };

        var delays = Enumerable.Range(1, 12).Select(a => options.RetryDelay(a).TotalSeconds).ToArray();

        Assert.Equal([2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600, 600], delays);
        Assert.Equal(TimeSpan.FromMinutes(10), options.RetryDelay(1000));
    }
}
