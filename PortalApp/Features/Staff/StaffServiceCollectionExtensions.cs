using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Hosting;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.Staff;

public static class StaffServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalStaff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffDashboardOptions>().BindConfiguration(StaffDashboardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffDashboardOptions>, StaffDashboardOptionsValidator>();

        // The reset feature's no-op notifier gives way to the in-process broadcaster the dashboards subscribe to.
        services.AddSingleton<ResetActivityBroadcaster>();
        services.Replace(ServiceDescriptor.Singleton<IResetActivityNotifier>(sp => sp.GetRequiredService<ResetActivityBroadcaster>()));

        services.AddSingleton<ResetActivityQueries>();
        services.AddSingleton<RequestLogQueries>();
        services.AddPortalRetention<ResetActivityRetention>();
        services.AddPortalSeeder<ResetActivitySeeder>();
        return builder;
    }
}
