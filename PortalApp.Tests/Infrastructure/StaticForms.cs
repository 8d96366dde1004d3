using System.Net;
using System.Text.RegularExpressions;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Submits the static SSR forms as a browser would: GET the page, keep its hidden fields (antiforgery, handler), POST.</summary>
public static partial class StaticForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string formName, IDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(url);
        var form = FormNamed(html, formName);
        var values = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private static string FormNamed(string html, string formName)
    {
        foreach (Match form in Forms().Matches(html))
        {
            if (form.Value.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            {
                return form.Value;
            }
        }

        throw new InvalidOperationException($"No form named {formName} in the page.");
    }

    [GeneratedRegex("<form[\\s\\S]*?</form>", RegexOptions.IgnoreCase)]
    private static partial Regex Forms();

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")(?=[^>]*name=\"(?<name>[^\"]+)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInputs();
}
