using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Tests.Infrastructure;
using static PortalApp.Tests.Infrastructure.ResetActivityData;

namespace PortalApp.Tests.Staff;

/// <summary>Who may see the dashboard and its export, through real sign-in cookies.</summary>
public sealed class DashboardAuthorizationTests : IClassFixture<PortalAppFactory>
{
    private const string Dashboard = "/staff/reset-activity";
    private readonly PortalAppFactory factory;

    public DashboardAuthorizationTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task Dashboard_Anonymous_RedirectedToLogin()
    {
        using var client = PortalSignIn.AnonymousClient(factory);

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString());
        Assert.Contains(Uri.EscapeDataString("staff/reset-activity"), response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Dashboard_Customer_GetsAccessDenied()
    {
        using var client = await PortalSignIn.SignedInClientAsync(factory, "customer@example.com");

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/AccessDenied", response.Headers.Location!.ToString());
        Assert.DoesNotContain("kpi-requested", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_Staff_SeesKpisAndNavEntry()
    {
        using var client = await PortalSignIn.SignedInClientAsync(factory, "staff@example.com");

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Reset activity</h1>", html);
        Assert.Contains("data-testid=\"kpi-requested\"", html);
        Assert.Contains("href=\"staff/reset-activity\"", html);
    }

    [Fact]
    public async Task NavMenu_Customer_HasNoDashboardEntry()
    {
        using var client = await PortalSignIn.SignedInClientAsync(factory, "customer@example.com");

        var html = await client.GetStringAsync("/");

        Assert.DoesNotContain("staff/reset-activity", html);
    }

    [Fact]
    public async Task Export_Anonymous_RedirectedToLogin()
    {
        using var client = PortalSignIn.AnonymousClient(factory);

        var response = await client.GetAsync(Dashboard + "/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Export_Customer_Forbidden()
    {
        using var client = await PortalSignIn.SignedInClientAsync(factory, "customer@example.com");

        var response = await client.GetAsync(Dashboard + "/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/AccessDenied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Export_Staff_StreamsFilteredCsvWithFormulaNeutralised()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await AddRequestAsync(db, at, "=cmd|' /c calc'!a0@example.com", "203.0.113.5", (ResetActivityType.Throttled, Min(0.01)));
            await AddRequestAsync(db, at.AddMinutes(1), "csv-export-visible@example.com", "203.0.113.5", (ResetActivityType.EmailQueued, Min(0.01)), (ResetActivityType.EmailSent, Min(0.1)));
            await AddRequestAsync(db, at.AddMinutes(2), "csv-export-other@example.com", "203.0.113.6", (ResetActivityType.UnknownAccount, Min(0.01)));
        }

        using var client = await PortalSignIn.SignedInClientAsync(factory, "staff@example.com");
        var response = await client.GetAsync(Dashboard + "/export.csv?ip=203.0.113.5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",csv-export-visible@example.com,Email sent,203.0.113.5,Firefox,,", lines[1]);
        Assert.Contains(",\"'=cmd|' /c calc'!a0@example.com\",Throttled,", lines[2]);
    }
}
