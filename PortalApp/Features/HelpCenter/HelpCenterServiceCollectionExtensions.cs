namespace PortalApp.Features.HelpCenter;

public static class HelpCenterServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalHelpCenter(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ArticleRenderer>();
        services.AddScoped<HelpArticles>();
        services.AddScoped<HelpSearch>();
        services.AddScoped<HelpVideos>();
        services.AddScoped<SupportRequests>();
        services.AddScoped<HelpCenterSeeder>();
        services.AddScoped<BrowserVisitor>();
        services.AddTransient<IStartupFilter, VisitorCookie.StartupFilter>();
        return builder;
    }
}
