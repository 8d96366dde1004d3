using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PortalApp.Features.PasswordReset;

public static class PasswordResetServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalPasswordReset(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PasswordResetOptions>().BindConfiguration(PasswordResetOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordResetOptions>, PasswordResetOptionsValidator>();
        services.TryAddSingleton<IResetActivityNotifier, NullResetActivityNotifier>();
        services.AddSingleton<ResetActivityRecorder>();
        return builder;
    }
}
