using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PortalApp.Data;

namespace PortalApp.Platform.Hosting;

public static class PortalDataProtectionExtensions
{
    public const string ApplicationName = "CustomerPortal";

    /// <summary>
    /// Data Protection (auth cookies, antiforgery, protected emails, authenticator keys) with its key ring in the database,
    /// shared by every instance, and encrypted there with the certificate from <see cref="KeyRingOptions"/>.
    /// </summary>
    public static WebApplicationBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        // The Data Protection builder takes certificate instances, so they are checked and loaded while services are
        // composed: a missing or wrong setting stops the app before anything reads or writes the ring.
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var validation = new KeyRingOptionsValidator(builder.Environment).Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(KeyRingOptions), validation.Failures);
        }

        var certificates = KeyRingCertificates.Load(options, builder.Environment, TimeProvider.System);
        builder.Services.AddSingleton(certificates);
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysWithCertificate(certificates.Current)
            .UnprotectKeysWithAnyCertificate([.. certificates.Previous]);
        builder.Services.AddPortalSeeder<KeyRingReencryption>();
        return builder;
    }
}
