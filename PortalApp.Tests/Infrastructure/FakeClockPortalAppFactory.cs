using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PortalApp.Tests.Infrastructure;

/// <summary>The app with a <see cref="FakeTimeProvider"/> as its clock: years away from the real one, mid-way through a 30-second step.</summary>
public sealed class FakeClockPortalAppFactory : PortalAppFactory
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 9, 0, 15, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
