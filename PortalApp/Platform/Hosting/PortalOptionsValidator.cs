using Microsoft.Extensions.Options;

namespace PortalApp.Platform.Hosting;

internal sealed class PortalOptionsValidator(IHostEnvironment environment) : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            // Development falls back to the app's own listening address.
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Portal:PublicBaseUrl is required outside Development (the absolute base of links in emails, e.g. https://portal.example.com/).");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return ValidateOptionsResult.Fail($"Portal:PublicBaseUrl must be an absolute http(s) URL; got '{options.PublicBaseUrl}'.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && TransportSecurity.IsRequired(environment, options))
        {
            return ValidateOptionsResult.Fail(
                $"Portal:PublicBaseUrl must be an https URL outside Development (emailed links carry reset tokens); got '{options.PublicBaseUrl}'. {TransportSecurity.OptOutHint}");
        }

        return ValidateOptionsResult.Success;
    }
}
