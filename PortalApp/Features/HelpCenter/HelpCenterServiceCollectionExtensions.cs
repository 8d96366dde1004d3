using Microsoft.Extensions.Options;
using PortalApp.Platform.Hosting;
using PortalApp.Platform.Retention;

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
        services.AddOptions<SupportRequestOptions>().BindConfiguration(SupportRequestOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportRequestOptions>, SupportRequestOptionsValidator>();
        services.AddPortalRetention<SupportRequestRetention>();
        services.AddPortalSeeder<HelpCenterSeeder>();
        return builder;
    }
}
