using System.Net;
using System.Text.RegularExpressions;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

public sealed partial class FoundationTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public FoundationTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task Healthz_DatabaseReachable_ReportsHealthy()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LoginPage_Get_RendersStaticFormWithForgotPasswordLink()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/Account/Login");
        Assert.Contains("href=\"Account/ForgotPassword\"", html);
        Assert.Contains("Forgot Password?", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Matches(FormPostPattern(), html);
    }

    [Fact]
    public async Task UnknownPath_Get_Returns404Page()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DevMailbox_Development_IsServed()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/dev/mailbox");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Development mailbox", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<form[^>]*method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormPostPattern();
}

public sealed class ProductionEnvironmentTests : IDisposable
{
    private readonly PortalAppFactory factory = new() { EnvironmentName = "Production" };

    [Fact]
    public async Task DevMailbox_OutsideDevelopment_Returns404()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/dev/mailbox");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Development mailbox", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Startup_MissingPublicBaseUrlOutsideDevelopment_FailsNamingTheKey()
    {
        using var bad = new PortalAppFactory { EnvironmentName = "Production" };
        bad.Settings["Portal:PublicBaseUrl"] = "";
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains("Portal:PublicBaseUrl", error.ToString());
    }

    [Fact]
    public void Startup_SmtpWithoutHost_FailsNamingTheKey()
    {
        using var bad = new PortalAppFactory { EnvironmentName = "Production" };
        bad.Settings["Email:Transport"] = "Smtp";
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains("Email:Smtp:Host", error.ToString());
    }

    [Theory]
    [InlineData("Portal:PublicBaseUrl", "http://portal.example.com/", "Portal:PublicBaseUrl must be an https URL")]
    [InlineData("Email:Smtp:Security", "Auto", "Email:Smtp:Security must be StartTls or SslOnConnect")]
    public void Startup_WithoutTlsAndWithoutTheOptOut_FailsNamingTheKey(string key, string value, string message)
    {
        using var bad = new PortalAppFactory { EnvironmentName = "Production" };
        bad.Settings["Portal:AllowInsecureTransport"] = "false";
        bad.Settings["Portal:PublicBaseUrl"] = "https://portal.example.com/";
        bad.Settings["Email:Transport"] = "Smtp";
        bad.Settings["Email:Smtp:Host"] = "smtp.example.com";
        bad.Settings["Email:Smtp:Security"] = "StartTls";
        bad.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();
}
