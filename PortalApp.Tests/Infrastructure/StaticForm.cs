using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Submits static SSR forms the way a browser would: GET the page, keep the form's hidden fields (antiforgery token, handler), POST them with the given fields.</summary>
public static partial class StaticForm
{
    /// <summary>Submits the Blazor form named <paramref name="formName"/> (its <c>FormName</c>) on <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = Parse(await client.GetStringAsync(pageUrl));
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form named '{formName}' on {pageUrl}.");
        return await PostAsync(client, pageUrl, form, $"form '{formName}'", fields);
    }

    /// <summary>Submits the plain form posting to <paramref name="action"/> on <paramref name="pageUrl"/> (e.g. the app bar's sign-out button).</summary>
    public static async Task<HttpResponseMessage> SubmitToAsync(HttpClient client, string pageUrl, string action, IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = Parse(await client.GetStringAsync(pageUrl));
        var form = page.QuerySelector($"form[action='{action}']")
            ?? throw new InvalidOperationException($"No form posting to '{action}' on {pageUrl}.");
        return await PostAsync(client, pageUrl, form, $"the form posting to '{action}'", fields ?? new Dictionary<string, string>());
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The visible text of each element with <c>role="alert"</c>, whitespace collapsed.</summary>
    public static IReadOnlyList<string> Alerts(string html)
        => Parse(html).QuerySelectorAll("[role=alert]").Select(e => Whitespace().Replace(e.TextContent, " ").Trim()).ToList();

    /// <summary>The page with per-response values (antiforgery tokens, protected component state, generated ids, CSP nonces) blanked, so two answers can be compared byte for byte.</summary>
    public static string WithoutPerResponseValues(string html) =>
        CspNonce().Replace(ProtectedState().Replace(Guids().Replace(AntiforgeryValue().Replace(html, "name=\"__RequestVerificationToken\" value=\"\""), "guid"), "<!--Blazor-Server-Component-State:-->"), "nonce=\"\"");

    /// <summary>Posts as a browser would: the form's hidden fields (antiforgery token, handler name, …), then what was typed.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IElement form, string what, IReadOnlyDictionary<string, string> fields)
    {
        foreach (var name in fields.Keys)
        {
            if (form.QuerySelector($"[name='{name}']") is null)
            {
                throw new InvalidOperationException($"{what} has no field named '{name}'.");
            }
        }

        var posted = form.QuerySelectorAll("input[type=hidden][name]")
            .GroupBy(input => input.GetAttribute("name")!)
            .ToDictionary(group => group.Key, group => group.Last().GetAttribute("value") ?? "");
        if (!posted.ContainsKey("__RequestVerificationToken"))
        {
            throw new InvalidOperationException($"No antiforgery token in {what}.");
        }

        foreach (var (name, value) in fields)
        {
            posted[name] = value;
        }

        using var content = new FormUrlEncodedContent(posted);
        return await client.PostAsync(form.GetAttribute("action") ?? pageUrl, content);
    }

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
