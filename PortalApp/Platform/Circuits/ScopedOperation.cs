namespace PortalApp.Platform.Circuits;

/// <summary>
/// Runs one call of a scoped service in a DI scope of its own. A circuit's scope lives as long as the browser tab,
/// and a service built on Identity's <c>UserManager</c> holds a DbContext (its store) for as long as its scope, so a
/// tab left open would keep serving stale users. In a circuit, data services create contexts from the factory, and
/// services built on <c>UserManager</c> are reached through this: either way no context outlives one operation.
/// </summary>
public sealed class ScopedOperation<TService>(IServiceScopeFactory scopes)
    where TService : notnull
{
    public async Task<TResult> RunAsync<TResult>(Func<TService, Task<TResult>> operation)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task RunAsync(Func<TService, Task> operation)
    {
        await using var scope = scopes.CreateAsyncScope();
        await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
