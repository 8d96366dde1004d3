using Microsoft.Extensions.Options;
using MimeKit;

namespace PortalApp.Features.Email;

/// <summary>Reads the pickup folder for the Development mailbox page.</summary>
internal sealed class DevMailbox(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    public string Directory => PickupEmailTransport.ResolveDirectory(options.Value.PickupDirectory, environment.ContentRootPath);

    public IReadOnlyList<DevMailSummary> List(int max = 200)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return new DirectoryInfo(Directory).EnumerateFiles("*.eml")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(f => Load(f.FullName)?.Summary)
            .OfType<DevMailSummary>()
            .ToList();
    }

    public DevMail? Find(string id)
    {
        // Ids are file names we listed; anything with a path separator is refused.
        if (string.IsNullOrEmpty(id) || id.IndexOfAny(['/', '\\']) >= 0 || !id.EndsWith(".eml", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(Directory, id);
        return File.Exists(path) ? Load(path) : null;
    }

    private static DevMail? Load(string path)
    {
        try
        {
            var message = MimeMessage.Load(path);
            var summary = new DevMailSummary(Path.GetFileName(path), message.Date, message.To.ToString(), message.Subject ?? "");
            return new DevMail(summary, message.HtmlBody, message.TextBody);
        }
        catch (Exception exception) when (exception is IOException or FormatException or ParseException)
        {
            return null;
        }
    }
}
