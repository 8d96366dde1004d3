using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace PortalApp.Platform.Hosting;

/// <summary>Builds absolute links for emails from configuration, never from the incoming request.</summary>
public sealed class PublicUrls(IOptions<PortalOptions> options, IServer server)
{
    public Uri BaseUri
    {
        get
        {
            var configured = options.Value.PublicBaseUrl;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return new Uri(EnsureTrailingSlash(configured));
            }

            // Only reachable in Development (the options validator requires the setting elsewhere).
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
                .OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
                .FirstOrDefault() ?? "http://localhost:5000";
            return new Uri(EnsureTrailingSlash(address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost")));
        }
    }

    public string Build(string relativePath, IDictionary<string, string?>? query = null)
    {
        var url = new Uri(BaseUri, relativePath.TrimStart('/')).ToString();
        return query is null ? url : QueryHelpers.AddQueryString(url, query);
    }

    private static string EnsureTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
