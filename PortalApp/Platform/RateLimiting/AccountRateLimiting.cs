using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PortalApp.Platform.RateLimiting;

public static class AccountRateLimiting
{
    public const string TooManyAttemptsMessage = "Too many attempts from your network. Please wait a few minutes and try again.";

    /// <summary>Static SSR form posts limited by the HTTP middleware (path → action).</summary>
    private static readonly Dictionary<string, AccountAction> FormPosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Login"] = AccountAction.SignIn,
        ["/Account/LoginWith2fa"] = AccountAction.SignIn,
        ["/Account/LoginWithRecoveryCode"] = AccountAction.SignIn,
        ["/Account/ForgotPassword"] = AccountAction.ForgotPassword,
        ["/Account/ResendEmailConfirmation"] = AccountAction.ResendConfirmation,
        // Interactive pages: their real submit goes over the circuit (see AccountRateLimiter), but a plain POST is limited too.
        ["/Account/Register"] = AccountAction.Register,
        ["/Account/ResetPassword"] = AccountAction.ResetPassword,
        ["/support/contact"] = AccountAction.ContactSupport,
    };

    public static WebApplicationBuilder AddPortalRateLimiting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>();
        services.AddSingleton<AccountRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, limits) =>
        {
            var settings = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (AccountAction, string)>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !FormPosts.TryGetValue(context.Request.Path.Value?.TrimEnd('/') ?? "", out var action))
                {
                    return RateLimitPartition.GetNoLimiter((AccountAction.SignIn, ""));
                }

                var key = (action, ClientKey(context.Connection.RemoteIpAddress));
                return Partition(key, settings.For(action));
            });
            options.OnRejected = WriteTooManyRequestsAsync;
        });
        return builder;
    }

    internal static RateLimitPartition<(AccountAction, string)> Partition((AccountAction, string) key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>IPv6 clients usually own a whole /64, so they are counted per /64 rather than per address.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes).ToString() + "/64";
        }

        return address.ToString();
    }

    public static string ClientKey(string? address) =>
        IPAddress.TryParse(address, out var parsed) ? ClientKey(parsed) : "unknown";

    // The same page for everyone who is limited: it is keyed by address only and answered before any account lookup.
    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many attempts · Customer Portal</title><link rel="stylesheet" href="/css/portal.css"></head>
            <body class="portal-light"><main style="max-width:36rem;margin:4rem auto;padding:0 1rem;font-family:system-ui,sans-serif">
            <h1>Too many attempts</h1>
            <p role="alert">
            """ + TooManyAttemptsMessage + """
            </p>
            <p><a href="/">Back to the portal</a></p>
            </main></body></html>
            """, cancellationToken);
    }
}
