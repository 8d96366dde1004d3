using PortalApp.Features.Account;
using PortalApp.Platform.Input;

namespace PortalApp.Tests.Account;

public sealed class ManageRulesTests
{
    [Theory]
    [InlineData("+44 20 7946 0958", true)]
    [InlineData("(555) 010-9999", true)]
    [InlineData("", true)]
    [InlineData("12345", false)]
    [InlineData("+1234567890123456", false)]
    [InlineData("555-CALL-NOW", false)]
    [InlineData("+44 20 7946 0958 ext 1", false)]
    public void PhoneNumber_Value_ValidatedAsE164Digits(string value, bool valid)
        => Assert.Equal(valid, new InternationalPhoneNumberAttribute().IsValid(value));

    [Theory]
    [InlineData("UTC", true)]
    [InlineData("Europe/Berlin", true)]
    [InlineData("America/New_York", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("europe/berlin", false)]
    public void TimeZone_Id_KnownOnlyWhenTheServerHasIt(string id, bool known)
        => Assert.Equal(known, new KnownTimeZoneAttribute().IsValid(id));

    [Fact]
    public void FormatKey_Base32Key_GroupsOfFourUppercase()
        => Assert.Equal("ABCD EFGH IJKL MN", MfaService.FormatKey("abcdefghijklmn"));

    [Fact]
    public void AuthenticatorUri_EmailAndKey_OtpauthWithCustomerPortalIssuer()
    {
        var uri = new Uri(MfaService.AuthenticatorUri("alex+test@example.com", "JBSWY3DPEHPK3PXP"));

        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.Equal("/Customer Portal:alex+test@example.com", Uri.UnescapeDataString(uri.AbsolutePath));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        Assert.Equal("JBSWY3DPEHPK3PXP", query["secret"]);
        Assert.Equal("Customer Portal", query["issuer"]);
        Assert.Equal("6", query["digits"]);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36", "Chrome on Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.0; rv:130.0) Gecko/20100101 Firefox/130.0", "Firefox on macOS")]
    [InlineData(null, "Unknown browser")]
    public void BrowserDescription_UserAgent_ReadableName(string? userAgent, string expected)
        => Assert.Equal(expected, PortalApp.Platform.Clients.UserAgents.Describe(userAgent));
}
