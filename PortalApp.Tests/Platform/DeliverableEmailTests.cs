using PortalApp.Platform.Input;

namespace PortalApp.Tests.Platform;

public sealed class DeliverableEmailTests
{
    [Theory]
    [InlineData("customer@example.com")]
    [InlineData("alex+portal@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("josé@example.es")]
    [InlineData("用户@例子.中国")]
    [InlineData("x'/onfocus=alert`1`//'&lt@example.com")]
    public void IsDeliverable_RealAddresses_True(string address)
        => Assert.True(DeliverableEmailAttribute.IsDeliverable(address));

    [Theory]
    [InlineData("a@[junk")]
    [InlineData("a@-")]
    [InlineData("a@b")]
    [InlineData("a@b.")]
    [InlineData("@example.com")]
    [InlineData("a@")]
    [InlineData("Alex <a@example.com>")]
    [InlineData("a@example.com, b@example.com")]
    [InlineData("a@example.com\r\nBcc: x@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("a@exa mple.com")]
    [InlineData("a@(comment)example.com")]
    [InlineData("a@@example.com")]
    public void IsDeliverable_Junk_False(string address)
        => Assert.False(DeliverableEmailAttribute.IsDeliverable(address));
}
