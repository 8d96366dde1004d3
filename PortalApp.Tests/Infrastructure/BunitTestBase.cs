using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace PortalApp.Tests.Infrastructure;

/// <summary>bunit context with MudBlazor's services and loose JS interop (as MudBlazor's own tests do).</summary>
public abstract class BunitTestBase : BunitContext
{
    protected BunitTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
    }
}
