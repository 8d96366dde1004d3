using Microsoft.Extensions.DependencyInjection;
using PortalApp.Platform.Circuits;

namespace PortalApp.Tests.Platform;

public sealed class ScopedOperationTests
{
    [Fact]
    public async Task RunAsync_TwoCalls_EachGetsAFreshServiceDisposedAfterwards()
    {
        var services = new ServiceCollection();
        services.AddScoped<Disposable>();
        services.AddSingleton(typeof(ScopedOperation<>));
        await using var provider = services.BuildServiceProvider();
        var operation = provider.GetRequiredService<ScopedOperation<Disposable>>();

        var first = await operation.RunAsync(s => Task.FromResult(s));
        var second = await operation.RunAsync(s => Task.FromResult(s));

        Assert.NotSame(first, second);
        Assert.True(first.Disposed);
        Assert.True(second.Disposed);
    }

    private sealed class Disposable : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
