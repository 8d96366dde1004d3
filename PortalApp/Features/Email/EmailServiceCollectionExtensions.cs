using Microsoft.Extensions.Options;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.Email;

public static class EmailServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalEmail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(builder.Configuration[$"{EmailOptions.Section}:Transport"]) && builder.Environment.IsDevelopment())
                {
                    o.Transport = EmailTransportKind.Pickup;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        services.AddSingleton<OutboxSignal>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<EmailRenderer>();
        services.AddScoped<EmailComposer>();
        services.AddSingleton<PickupEmailTransport>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Transport == EmailTransportKind.Pickup
            ? sp.GetRequiredService<PickupEmailTransport>()
            : sp.GetRequiredService<SmtpEmailTransport>());
        services.AddSingleton<OutboxMimeBuilder>();
        services.AddScoped<OutboxBatch>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddPortalRetention<OutboxRetention>();
        services.AddSingleton<DevMailbox>();
        if (builder.Environment.IsDevelopment())
        {
            services.AddHostedService<DevMailboxAnnouncement>();
        }

        return builder;
    }
}
