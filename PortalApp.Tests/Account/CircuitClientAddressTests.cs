using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.Account;
using PortalApp.Features.Account.Pages;
using PortalApp.Platform.Circuits;
using PortalApp.Platform.Clients;
using PortalApp.Platform.RateLimiting;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>
/// Pages reached by in-app navigation have no request of their own: their rate limits must still key on the address
/// the circuit started from, not on one "unknown" bucket that every such visitor shares.
/// </summary>
[Trait("Category", "Security")]
public sealed class CircuitClientAddressTests : BunitTestBase
{
    private readonly PortalAppFactory factory = new();
    private readonly BrowserVisitor visitor = new();
    private readonly AsyncServiceScope scope;

    public CircuitClientAddressTests()
    {
        factory.Settings["RateLimiting:Register:PermitLimit"] = "5";
        Services.AddSingleton(factory.Services.GetRequiredService<ScopedOperation<RegistrationService>>());
        scope = factory.Services.CreateAsyncScope();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<PortalApp.Features.Passwords.PasswordPolicy>());
        Services.AddSingleton(visitor);
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<PortalApp.Features.HelpCenter.SupportRequests>());
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Register_ReachedByInAppNavigation_LimitedByTheAddressTheCircuitStartedFrom()
    {
        // No HttpContext and no prerender of this page: the address comes from the circuit's first request.
        visitor.Client = new ClientInfo("203.0.113.71", "bunit");
        for (var i = 0; i < 5; i++)
        {
            var accepted = Render<Register>();
            RegisterFormTests.Fill(accepted, "Nav Igator", $"nav-{i}-{Guid.NewGuid():N}@example.com", TestUsers.Password, TestUsers.Password);
            accepted.Find("form").Submit();
            Assert.DoesNotContain(AccountRateLimiting.TooManyAttemptsMessage, accepted.Markup, StringComparison.Ordinal);
        }

        var limited = Render<Register>();
        RegisterFormTests.Fill(limited, "Nav Igator", $"nav-over-{Guid.NewGuid():N}@example.com", TestUsers.Password, TestUsers.Password);
        limited.Find("form").Submit();
        Assert.Contains(AccountRateLimiting.TooManyAttemptsMessage, limited.Markup, StringComparison.Ordinal);

        visitor.Client = new ClientInfo("203.0.113.72", "bunit");
        var otherClient = Render<Register>();
        RegisterFormTests.Fill(otherClient, "Other Person", $"nav-other-{Guid.NewGuid():N}@example.com", TestUsers.Password, TestUsers.Password);
        otherClient.Find("form").Submit();
        Assert.DoesNotContain(AccountRateLimiting.TooManyAttemptsMessage, otherClient.Markup, StringComparison.Ordinal);
    }


    [Fact]
    public void ContactSupport_ReachedByInAppNavigation_KnowsTheAddressTheCircuitStartedFrom()
    {
        visitor.Client = new ClientInfo("203.0.113.73", "bunit");

        var page = Render<PortalApp.Features.HelpCenter.Pages.ContactSupport>();

        Assert.Equal(visitor.Client, page.Instance.Client);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            scope.Dispose();
            factory.Dispose();
        }

        base.Dispose(disposing);
    }
}
