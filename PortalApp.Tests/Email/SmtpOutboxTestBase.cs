using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

/// <summary>Portal apps that send their email to a real SMTP server on loopback; each test starts the server when it wants it up.</summary>
public abstract class SmtpOutboxTestBase : IAsyncLifetime
{
    private readonly List<PortalAppFactory> apps = [];

    protected TestSmtpServer Smtp { get; } = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await DisposeAppsAsync();
        await Smtp.DisposeAsync();
    }

    protected PortalAppFactory NewFactory()
    {
        var factory = new PortalAppFactory().WithSmtp(Smtp);
        factory.Settings["Seed:DemoData"] = "false";
        apps.Add(factory);
        return factory;
    }

    /// <summary>Stops every app created so far, e.g. to restart on the same database or before deleting it.</summary>
    protected async Task DisposeAppsAsync()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        apps.Clear();
    }
}
