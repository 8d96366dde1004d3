using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Submits a static SSR form the way a browser would: GET the page, take the form's antiforgery token, POST its fields.</summary>
public static partial class StaticForm
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = Parse(await client.GetStringAsync(pageUrl));
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form named '{formName}' on {pageUrl}.");
        foreach (var name in fields.Keys)
        {
            if (form.QuerySelector($"[name='{name}']") is null)
            {
                throw new InvalidOperationException($"Form '{formName}' has no field named '{name}'.");
            }
        }

        var posted = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"No antiforgery token in form '{formName}'."),
        };
        using var content = new FormUrlEncodedContent(posted);
        return await client.PostAsync(form.GetAttribute("action") ?? pageUrl, content);
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The visible text of each element with <c>role="alert"</c>, whitespace collapsed.</summary>
    public static IReadOnlyList<string> Alerts(string html)
        => Parse(html).QuerySelectorAll("[role=alert]").Select(e => Whitespace().Replace(e.TextContent, " ").Trim()).ToList();

    /// <summary>The page with per-response values (antiforgery tokens, protected component state, generated ids, CSP nonces) blanked, so two answers can be compared byte for byte.</summary>
    public static string WithoutPerResponseValues(string html) =>
        CspNonce().Replace(ProtectedState().Replace(Guids().Replace(AntiforgeryValue().Replace(html, "name=\"__RequestVerificationToken\" value=\"\""), "guid"), "<!--Blazor-Server-Component-State:-->"), "nonce=\"\"");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex ProtectedState();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex CspNonce();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
