using System.Net;
using System.Text.RegularExpressions;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Posts a static SSR form as a browser without JavaScript would: GET the page, take its antiforgery token, POST the fields.</summary>
public static partial class StaticForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}.");
        }

        var content = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(content));
    }

    /// <summary>The page with per-response values (antiforgery tokens) blanked, so two answers can be compared byte for byte.</summary>
    public static string WithoutPerResponseValues(string html) =>
        ProtectedState().Replace(Guids().Replace(AntiforgeryValue().Replace(html, "type=\"hidden\" name=\"__RequestVerificationToken\" value=\"\""), "guid"), "<!--Blazor-Server-Component-State:-->");

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex ProtectedState();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();

    [GeneratedRegex("type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("type=\"hidden\" name=\"__RequestVerificationToken\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryValue();
}
