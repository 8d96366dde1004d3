using PortalApp.Platform.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PortalApp.Features.Email;
using Microsoft.Extensions.Options;

namespace PortalApp.Features.PasswordReset;

public static class PasswordResetServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalPasswordReset(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PasswordResetOptions>().BindConfiguration(PasswordResetOptions.Section).ValidateOnStart();
        services.AddSingleton(new PortalFact("reset-link-minutes", sp => sp.GetRequiredService<IOptions<PasswordResetOptions>>().Value.LinkLifetime.TotalMinutes));
        services.AddSingleton<IValidateOptions<PasswordResetOptions>, PasswordResetOptionsValidator>();
        services.TryAddSingleton<IResetActivityNotifier, NullResetActivityNotifier>();
        services.AddSingleton<ResetActivityRecorder>();
        services.AddSingleton<ResetRequestSignal>();
        services.AddScoped<ResetRequestIntake>();
        services.AddScoped<ResetLinks>();
        services.AddScoped<ResetEmails>();
        services.AddScoped<ResetPasswordService>();
        services.AddScoped<IOutboxDeliveryObserver, ResetEmailDeliveryObserver>();
        services.AddSingleton<ResetRequestProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<ResetRequestProcessor>());

        // Our links are the password-reset tokens Identity validates in ResetPasswordAsync.
        services.Configure<IdentityOptions>(o => o.Tokens.PasswordResetTokenProvider = ResetLinkTokenProvider.ProviderName);
        services.AddScoped<ResetLinkTokenProvider>();
        services.Configure<IdentityOptions>(o => o.Tokens.ProviderMap[ResetLinkTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(ResetLinkTokenProvider)));
        return builder;
    }
}
