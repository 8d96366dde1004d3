using PortalApp.Platform.Hosting;

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
        services.AddPortalSeeder<HelpCenterSeeder>();
        return builder;
    }
}
