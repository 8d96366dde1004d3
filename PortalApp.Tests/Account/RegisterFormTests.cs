using Microsoft.AspNetCore.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.Account;
using PortalApp.Features.Account.Pages;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>The register form's server-side validation, rendered with bunit over the real registration service.</summary>
public sealed class RegisterFormTests : BunitTestBase, IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;
    private readonly AsyncServiceScope scope;

    public RegisterFormTests(PortalAppFactory factory)
    {
        this.factory = factory;
        scope = factory.Services.CreateAsyncScope();
        Services.AddSingleton(factory.Services.GetRequiredService<PortalApp.Platform.Circuits.ScopedOperation<RegistrationService>>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<PortalApp.Features.Passwords.PasswordPolicy>());
        Services.AddSingleton(new BrowserVisitor());
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Theory]
    [InlineData("Eve\r\nBcc: victim@example.com")]
    [InlineData("Eve\nBcc: victim@example.com")]
    public async Task Register_FullNameWithLineBreak_RefusedWithClearMessage(string fullName)
    {
        var email = $"crlf-{Guid.NewGuid():N}@example.com";
        var cut = Render<Register>();

        Fill(cut, fullName, email, TestUsers.Password, TestUsers.Password);
        cut.Find("form").Submit();

        Assert.Contains("Full name can't contain line breaks or control characters.", cut.Markup, StringComparison.Ordinal);
        Assert.Null(await TestUsers.FindAsync(factory.Services, email));
    }

    [Fact]
    public async Task Register_TenThousandCharacterName_RefusedWithClearMessage()
    {
        var email = $"long-{Guid.NewGuid():N}@example.com";
        var cut = Render<Register>();

        Fill(cut, new string('A', 10_000), email, TestUsers.Password, TestUsers.Password);
        cut.Find("form").Submit();

        Assert.Contains("Full name can be at most 100 characters.", cut.Markup, StringComparison.Ordinal);
        Assert.Null(await TestUsers.FindAsync(factory.Services, email));
    }

    [Fact]
    public void Register_MalformedEmailAndMismatchedPasswords_ShowsEachMessage()
    {
        var cut = Render<Register>();

        Fill(cut, "Ana Lima", "ana.example.com", TestUsers.Password, "Something-else1!");
        cut.Find("form").Submit();

        Assert.Contains("Enter a valid email address, like name@example.com.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("The passwords don't match.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_EmptyForm_ShowsRequiredMessages()
    {
        var cut = Render<Register>();

        cut.Find("form").Submit();

        Assert.Contains("Enter your full name.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Enter your email address.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Choose a password.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WeakPassword_ShowsPolicyErrorsAndCreatesNothing()
    {
        var email = $"weak-{Guid.NewGuid():N}@example.com";
        var cut = Render<Register>();

        Fill(cut, "Ana Lima", email, "short", "short");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("We couldn't create your account", cut.Markup, StringComparison.Ordinal));
        Assert.Null(await TestUsers.FindAsync(factory.Services, email));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            scope.Dispose();
        }

        base.Dispose(disposing);
    }

    internal static void Fill(IRenderedComponent<Register> cut, string fullName, string email, string password, string confirm)
    {
        Assert.Equal(4, cut.FindAll("input").Count);
        string[] values = [fullName, email, password, confirm];
        for (var i = 0; i < values.Length; i++)
        {
            var index = i;
            cut.FindAll("input")[index].Input(values[index]);

            // MudBlazor applies input asynchronously; submit only once every field has reached the model and re-rendered.
            cut.WaitForState(() => cut.FindAll("input")[index].GetAttribute("value") == values[index].Replace("\r\n", "\n", StringComparison.Ordinal));
        }
    }
}
