using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.PasswordReset;

public static class PasswordResetServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalPasswordReset(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PasswordResetOptions>().BindConfiguration(PasswordResetOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordResetOptions>, PasswordResetOptionsValidator>();
        services.AddSingleton(new PortalFact("reset-link-minutes", sp => sp.GetRequiredService<IOptions<PasswordResetOptions>>().Value.LinkLifetime.TotalMinutes));

        // Every save that adds reset activity tells the notifier afterwards (the staff dashboard replaces the no-op one).
        services.TryAddSingleton<IResetActivityNotifier, NullResetActivityNotifier>();
        services.AddSingleton<NotifyResetActivityInterceptor>();
        services.ConfigureDbContext<PortalDbContext>(
            (sp, options) => options.AddInterceptors(sp.GetRequiredService<NotifyResetActivityInterceptor>()), ServiceLifetime.Singleton);

        services.AddSingleton<ResetRequestSignal>();
        services.AddScoped<ResetRequestIntake>();
        services.AddSingleton<ResetLinks>();
        services.AddScoped<ResetEmails>();
        services.AddScoped<ResetPasswordService>();
        services.AddSingleton<IOutboxDeliveryObserver, ResetEmailDeliveryObserver>();
        services.AddSingleton<ResetRequestProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<ResetRequestProcessor>());

        // Our links are the password-reset tokens Identity validates in ResetPasswordAsync.
        services.Configure<IdentityOptions>(o => o.Tokens.PasswordResetTokenProvider = ResetLinkTokenProvider.ProviderName);
        services.AddSingleton<ResetLinkTokenProvider>();
        services.Configure<IdentityOptions>(o => o.Tokens.ProviderMap[ResetLinkTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(ResetLinkTokenProvider)));
        return builder;
    }
}
