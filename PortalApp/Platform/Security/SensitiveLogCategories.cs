using Microsoft.Extensions.Logging;

namespace PortalApp.Platform.Security;

/// <summary>
/// Framework log categories that write what a customer sent: request URLs with their query string (the reset link's
/// token), redirect targets (a "return to" URL), SignalR hub invocations with their arguments (passwords typed over
/// the circuit). They are capped at Warning after every other logging rule, so no setting — not even Trace for
/// everything — can turn them on.
/// </summary>
public static class SensitiveLogCategories
{
    public static readonly string[] Categories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.Http.Result.RedirectResult",
        "Microsoft.AspNetCore.SignalR",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components.Server",
    ];

    public static WebApplicationBuilder AddPortalLogRedaction(this WebApplicationBuilder builder)
    {
        builder.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
            for (var i = options.Rules.Count - 1; i >= 0; i--)
            {
                if (options.Rules[i].CategoryName is { } name && Categories.Any(c => name.StartsWith(c, StringComparison.OrdinalIgnoreCase)))
                {
                    options.Rules.RemoveAt(i);
                }
            }

            foreach (var provider in providers)
            {
                foreach (var category in Categories)
                {
                    options.Rules.Add(new LoggerFilterRule(provider, category, LogLevel.Warning, filter: null));
                }
            }
        });
        return builder;
    }
}
