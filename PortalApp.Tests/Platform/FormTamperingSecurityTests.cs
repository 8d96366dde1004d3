using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

/// <summary>
/// What a web scanner sends to every form: missing, malformed and foreign antiforgery tokens, broken bodies. Each
/// answers 400 with the portal's error page, never a 500, in Development and in Production.
/// </summary>
[Trait("Category", "Security")]
public sealed partial class FormTamperingSecurityTests(FormTamperingSecurityTests.Environments environments) : IClassFixture<FormTamperingSecurityTests.Environments>
{
    private static readonly string[] Endpoints =
    [
        "/preferences/theme",
        "/Account/Logout",
        "/Account/Login",
        "/Account/ForgotPassword",
        "/Account/ResendEmailConfirmation",
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var environment in new[] { "Development", "Production" })
        {
            foreach (var endpoint in Endpoints)
            {
                foreach (var token in new[] { "missing", "malformed", "foreign" })
                {
                    data.Add(environment, endpoint, token);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_BadAntiforgeryToken_Answers400WithTheErrorPage(string environment, string path, string token)
    {
        using var client = Factory(environment).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new Dictionary<string, string> { ["returnUrl"] = "/", ["_handler"] = "login", ["Input.Email"] = "customer@example.com" };
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        switch (token)
        {
            case "malformed":
                fields["__RequestVerificationToken"] = "%%%not-a-token\u0001CfDJ8";
                request.Headers.Add("Cookie", ".AspNetCore.Antiforgery.VyLW6ORzMgk=@@@; portal.theme=dark");
                break;
            case "foreign":
                // A well-formed token and cookie, but from two different visitors.
                var (cookieA, _) = await AntiforgeryPairAsync(environment);
                var (_, tokenB) = await AntiforgeryPairAsync(environment);
                fields["__RequestVerificationToken"] = tokenB;
                request.Headers.Add("Cookie", cookieA);
                break;
        }

        request.Content = new FormUrlEncodedContent(fields);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Post_BrokenFormBody_Answers400(string environment)
    {
        using var client = Factory(environment).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in Endpoints)
        {
            using var content = new StringContent("%%%=&&==%ZZ" + new string('x', 10), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

            var response = await client.PostAsync(path, content);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }
    }

    private PortalAppFactory Factory(string environment) => environments.For(environment);

    private async Task<(string Cookie, string Token)> AntiforgeryPairAsync(string environment)
    {
        using var client = Factory(environment).CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var page = await client.GetAsync("/Account/ForgotPassword");
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        return (cookie, token);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>One running portal per environment, shared by the class's cases.</summary>
    public sealed class Environments : IDisposable
    {
        private readonly Dictionary<string, PortalAppFactory> factories = [];

        public PortalAppFactory For(string environment)
        {
            lock (factories)
            {
                if (!factories.TryGetValue(environment, out var factory))
                {
                    factory = new PortalAppFactory { EnvironmentName = environment };
                    factory.Settings["Portal:PublicBaseUrl"] = "http://localhost/";
                    factories[environment] = factory;
                }

                return factory;
            }
        }

        public void Dispose()
        {
            foreach (var factory in factories.Values)
            {
                factory.Dispose();
            }
        }
    }
}
