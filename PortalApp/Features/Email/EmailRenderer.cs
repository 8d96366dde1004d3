using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Email;

/// <summary>Renders an email model with its template (see <see cref="IEmailModel{TModel, TTemplate}"/>) to HTML with inline CSS and to plain text.</summary>
public sealed partial class EmailRenderer(IServiceProvider services, ILoggerFactory loggerFactory, IOptions<PortalOptions> portal, PublicUrls urls)
{
    public EmailContext Context => new(portal.Value.ProductName, portal.Value.SupportEmail, urls.BaseUri);

    public async Task<RenderedEmail> RenderAsync<TModel, TTemplate>(IEmailModel<TModel, TTemplate> model)
        where TModel : IEmailModel<TModel, TTemplate>
        where TTemplate : EmailTemplate<TModel>
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var context = Context;
        var html = await RenderOnceAsync<TModel, TTemplate>(renderer, (TModel)model, context, plainText: false);
        var text = await RenderOnceAsync<TModel, TTemplate>(renderer, (TModel)model, context, plainText: true);
        var inlined = PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: true, stripIdAndClassAttributes: false).Html;
        return new RenderedEmail(inlined, ToPlainText(text));
    }

    /// <summary>The text rendering is HTML-encoded by the renderer; decode it and tidy the blank lines.</summary>
    internal static string ToPlainText(string rendered)
    {
        var decoded = WebUtility.HtmlDecode(rendered).Replace("\r\n", "\n");
        var lines = decoded.Split('\n').Select(l => l.Trim());
        var joined = string.Join("\n", lines);
        return ExtraBlankLines().Replace(joined, "\n\n").Trim() + "\n";
    }

    private static Task<string> RenderOnceAsync<TModel, TTemplate>(HtmlRenderer renderer, TModel model, EmailContext context, bool plainText)
        where TTemplate : EmailTemplate<TModel>
        => renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(EmailTemplate<TModel>.Model)] = model,
                [nameof(EmailTemplate<TModel>.Context)] = context,
                [nameof(EmailTemplate<TModel>.PlainText)] = plainText,
            });
            var output = await renderer.RenderComponentAsync<TTemplate>(parameters);
            return output.ToHtmlString();
        });

    [GeneratedRegex("\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
