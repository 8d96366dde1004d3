using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace PortalApp.Benchmarks;

/// <summary>
/// Posts a static SSR form the way a browser does: GET the page once (antiforgery cookie + token), then POST its
/// hidden fields plus the given ones. The token stays valid for the cookie, so one GET serves many POSTs.
/// </summary>
internal sealed partial class FormClient : IDisposable
{
    private readonly HttpClient client;
    private readonly string pageUrl;
    private Dictionary<string, string> hidden = [];

    public FormClient(string pageUrl)
    {
        this.pageUrl = pageUrl;
        client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true });
    }

    public int LastStatus { get; private set; }

    public async Task LoadAsync(string formName)
    {
        var html = await client.GetStringAsync(pageUrl);
        hidden = HiddenFields(html, formName);
    }

    /// <summary>Posts the form and returns the round trip in milliseconds; throws unless the answer is 2xx or a redirect.</summary>
    public async Task<double> PostAsync(IReadOnlyDictionary<string, string> fields)
    {
        var posted = new Dictionary<string, string>(hidden);
        foreach (var (key, value) in fields)
        {
            posted[key] = value;
        }

        using var content = new FormUrlEncodedContent(posted);
        var start = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(pageUrl, content);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var status = LastStatus = (int)response.StatusCode;
        if (status is < 200 or >= 400)
        {
            throw new HttpRequestException($"POST {pageUrl} answered {status}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
        }

        return elapsed;
    }

    public void Dispose() => client.Dispose();

    public static Dictionary<string, string> HiddenFields(string html, string formName)
    {
        foreach (Match form in Form().Matches(html))
        {
            var fields = Hidden().Matches(form.Value).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            if (fields.TryGetValue("_handler", out var handler) && handler == formName)
            {
                return fields;
            }
        }

        throw new InvalidOperationException($"No form '{formName}' with hidden fields in the page.");
    }

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")(?=[^>]*name=\"(?<name>[^\"]+)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();
}
