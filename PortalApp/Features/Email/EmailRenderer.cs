using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Email;

/// <summary>Renders an email template (a Razor component deriving from <see cref="EmailTemplate"/>) to HTML with inline CSS and to plain text.</summary>
public sealed partial class EmailRenderer(IServiceProvider services, ILoggerFactory loggerFactory, IOptions<PortalOptions> portal, PublicUrls urls)
{
    public EmailContext Context => new(portal.Value.ProductName, portal.Value.SupportEmail, urls.BaseUri);

    public async Task<RenderedEmail> RenderAsync<TTemplate>(IReadOnlyDictionary<string, object?> parameters)
        where TTemplate : EmailTemplate
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var context = Context;
        var html = await RenderOnceAsync<TTemplate>(renderer, parameters, context, plainText: false);
        var text = await RenderOnceAsync<TTemplate>(renderer, parameters, context, plainText: true);
        var inlined = PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: true, stripIdAndClassAttributes: false).Html;
        return new RenderedEmail(inlined, ToPlainText(text));
    }

    private static Task<string> RenderOnceAsync<TTemplate>(HtmlRenderer renderer, IReadOnlyDictionary<string, object?> parameters, EmailContext context, bool plainText)
        where TTemplate : EmailTemplate
        => renderer.Dispatcher.InvokeAsync(async () =>
        {
            var all = new Dictionary<string, object?>(parameters)
            {
                [nameof(EmailTemplate.Context)] = context,
                [nameof(EmailTemplate.PlainText)] = plainText,
            };
            var output = await renderer.RenderComponentAsync<TTemplate>(ParameterView.FromDictionary(all));
            return output.ToHtmlString();
        });

    /// <summary>The text rendering is HTML-encoded by the renderer; decode it and tidy the blank lines.</summary>
    internal static string ToPlainText(string rendered)
    {
        var decoded = WebUtility.HtmlDecode(rendered).Replace("\r\n", "\n");
        var lines = decoded.Split('\n').Select(l => l.Trim());
        var joined = string.Join("\n", lines);
        return ExtraBlankLines().Replace(joined, "\n\n").Trim() + "\n";
    }

    [GeneratedRegex("\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
