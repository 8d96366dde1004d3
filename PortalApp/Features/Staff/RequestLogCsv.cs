using System.Globalization;
using CsvHelper;

namespace PortalApp.Features.Staff;

/// <summary>Writes the request log as CSV. Text cells a spreadsheet would run as a formula get a leading apostrophe.</summary>
public static class RequestLogCsv
{
    private static readonly string[] Header = ["Time (UTC)", "Email", "Status", "IP address", "Browser", "Time to complete (s)", "Request id"];

    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=@+-\t\r",
        InjectionEscape = '\'',
    };

    public static async Task WriteAsync(IAsyncEnumerable<RequestLogRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
                [
                    row.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    row.Email,
                    ResetActivityText.Describe(row.Status),
                    row.IpAddress ?? "",
                    row.Browser,
                    row.TimeToComplete is { } t ? ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture) : "",
                    row.Id.ToString(),
                ],
                cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
