using PortalApp.Platform.RateLimiting;

namespace PortalApp.Tests.Platform;

/// <summary>The one rule for "the same client" behind every per-IP limit: an IPv4 address, or an IPv6 client's /64.</summary>
public sealed class ClientKeyTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2::a", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:0DB8:0001:0002:0000:0000:0000:0001", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    [InlineData(null, "unknown")]
    [InlineData("not-an-address", "unknown")]
    public void ClientKey_Address_IsTheIPv4AddressOrTheIPv6Slash64(string? address, string key)
        => Assert.Equal(key, AccountRateLimiting.ClientKey(address));

    [Fact]
    public void ClientKey_NeighbouringIPv6Networks_AreDifferentClients()
        => Assert.NotEqual(AccountRateLimiting.ClientKey("2001:db8:1:2::a"), AccountRateLimiting.ClientKey("2001:db8:1:3::a"));
}
