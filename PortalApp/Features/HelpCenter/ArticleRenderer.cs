using Ganss.Xss;
using Markdig;

namespace PortalApp.Features.HelpCenter;

/// <summary>Turns an article's Markdown into HTML that is safe to put on a page, and into plain text for the search index.</summary>
internal sealed class ArticleRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown)
        => sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));

    public string ToPlainText(string markdown)
        => Markdown.ToPlainText(markdown, pipeline).Trim();

    /// <summary>Form controls in an article could pose as the portal's own sign-in or reset form.</summary>
    private static readonly string[] FormTags =
        ["form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "label", "datalist", "output"];

    /// <summary>CSS that lifts content out of the article (a full-screen overlay over the real page); layout stays in the portal's stylesheet.</summary>
    private static readonly string[] OverlayCss =
        ["position", "top", "right", "bottom", "left", "inset", "inset-block", "inset-block-start", "inset-block-end",
         "inset-inline", "inset-inline-start", "inset-inline-end", "z-index", "transform", "translate"];

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.ExceptWith(FormTags);
        sanitizer.AllowedCssProperties.ExceptWith(OverlayCss);

        // The portal's own classes (MudBlazor's overlays and positioning helpers) would do the same as the CSS above.
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedSchemes.Add("mailto");
        // Links to other sites open safely; links inside the portal stay in the tab.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link
                && link.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
