using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PortalApp.Components;
using PortalApp.Data;
using PortalApp.Platform.Circuits;
using PortalApp.Platform.Clients;
using PortalApp.Platform.Security;
using PortalApp.Platform.Theme;

namespace PortalApp.Platform.Hosting;

public static class PortalHostingExtensions
{
    public const string RepositorySettingsFile = "appsettings.Development.json";

    /// <summary>
    /// In Development the settings file lives at the repository root (the client's layout), one level above the
    /// project. It is inserted where the framework would have read a project-level file, so environment variables
    /// and the command line still win.
    /// </summary>
    public static WebApplicationBuilder AddRepositoryDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "..", RepositorySettingsFile));
        if (!File.Exists(path))
        {
            return builder;
        }

        var sources = builder.Configuration.Sources;
        var index = sources.Select((s, i) => (s, i))
            .Where(x => x.s is JsonConfigurationSource json && json.Path is not null && json.Path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            .Select(x => x.i + 1)
            .DefaultIfEmpty(sources.Count)
            .Max();
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = true };
        source.ResolveFileProvider();
        sources.Insert(index, source);
        return builder;
    }

    public static WebApplicationBuilder AddPortalCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddSingleton<PublicUrls>();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section)
            .PostConfigure(o => o.DemoData ??= builder.Environment.IsDevelopment());

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHttpContextAccessor();
        builder.AddPortalDataProtection();
        services.AddScoped<BrowserVisitor>();
        services.AddSingleton(typeof(ScopedOperation<>));
        return builder;
    }

    public static async Task InitializePortalDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        foreach (var seeder in scope.ServiceProvider.GetServices<IPortalSeeder>())
        {
            await seeder.SeedAsync(app.Lifetime.ApplicationStopping);
        }
    }

    /// <summary>The middleware every request passes and the shell's endpoints; each feature maps its own endpoints after this.</summary>
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseVisitorCookie();
        app.UsePortalSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", "?status={0}", createScopeForStatusCodePages: true);

        // The development mailbox exists only in Development; everywhere else it is a plain 404.
        if (!app.Environment.IsDevelopment())
        {
            app.Use((context, next) => context.Request.Path.StartsWithSegments("/dev")
                ? Task.FromResult(context.Response.StatusCode = StatusCodes.Status404NotFound)
                : next(context));
        }

        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseAntiforgeryRejection();
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapPortalThemeEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PortalApp");
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            logger.LogInformation("Customer Portal is listening on {Address}", address);
        }
    }
}
