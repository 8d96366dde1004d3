using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;

namespace PortalApp.Features.Staff;

/// <summary>
/// The request log: one page of requests for the table, every row for the CSV export, and one request's timeline.
/// The filter's values only ever travel as parameters; only one page of rows reaches memory (the export streams).
/// </summary>
public sealed class RequestLogQueries(IDbContextFactory<PortalDbContext> contexts)
{
    private const string Select =
        "SELECT \"Id\", \"CreatedAt\", \"Email\", \"Status\", \"IpAddress\", \"UserAgent\", \"CompletedAt\" FROM \"ResetRequests\"";

    public async Task<RequestLogPage> GetLogPageAsync(RequestLogQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (where, parameters) = Where(query.Filter);
        // The WHERE clause is built from constants only; every value travels as a parameter.
        var countSql = "SELECT COUNT(*) AS \"Value\" FROM \"ResetRequests\" WHERE " + where;
        var total = await db.Database.SqlQueryRaw<int>(countSql, [.. parameters])
            .SingleAsync(cancellationToken);

        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(0, query.Page);
        var sql = new StringBuilder(Select).Append(" WHERE ").Append(where).Append(OrderBy(query.Sort, query.Descending))
            .Append(CultureInfo.InvariantCulture, $" LIMIT {pageSize} OFFSET {page * pageSize}");
        var rows = await db.Database.SqlQueryRaw<LogRowData>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken);
        return new RequestLogPage(rows.Select(ToRow).ToList(), total);
    }

    /// <summary>Every row of the filtered log, streamed from the database (for the CSV export).</summary>
    public async IAsyncEnumerable<RequestLogRow> StreamLogAsync(RequestLogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (where, parameters) = Where(filter);
        var sql = Select + " WHERE " + where + OrderBy(RequestLogSort.Time, descending: true);
        await foreach (var row in db.Database.SqlQueryRaw<LogRowData>(sql, [.. parameters]).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return ToRow(row);
        }
    }

    public async Task<IReadOnlyList<RequestTimelineEntry>> GetTimelineAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = await db.ResetActivityEvents.AsNoTracking()
            .Where(e => e.RequestId == requestId)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Take(500)
            .Select(e => new { e.OccurredAt, e.Type, e.IpAddress, e.UserAgent, e.Detail })
            .ToListAsync(cancellationToken);
        return events.Select(e => new RequestTimelineEntry(e.OccurredAt, e.Type, e.IpAddress, UserAgents.Browser(e.UserAgent), e.Detail)).ToList();
    }

    private static (string Where, List<object> Parameters) Where(RequestLogFilter filter)
    {
        var (from, to) = filter.Range.UtcTicks;
        var parameters = new List<object> { from, to };
        var where = new StringBuilder("\"CreatedAt\" >= {0} AND \"CreatedAt\" < {1}");
        if (!string.IsNullOrWhiteSpace(filter.EmailContains))
        {
            var text = filter.EmailContains.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            where.Append(CultureInfo.InvariantCulture, $" AND \"Email\" LIKE {{{parameters.Count}}} ESCAPE '\\'");
            parameters.Add("%" + text + "%");
        }

        if (filter.Status is { } status)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND \"Status\" = {{{parameters.Count}}}");
            parameters.Add((int)status);
        }

        if (!string.IsNullOrWhiteSpace(filter.IpAddress))
        {
            where.Append(CultureInfo.InvariantCulture, $" AND \"IpAddress\" = {{{parameters.Count}}}");
            parameters.Add(filter.IpAddress.Trim());
        }

        return (where.ToString(), parameters);
    }

    private static string OrderBy(RequestLogSort sort, bool descending)
    {
        var column = sort switch
        {
            RequestLogSort.Email => "\"Email\"",
            RequestLogSort.Status => "\"Status\"",
            RequestLogSort.IpAddress => "\"IpAddress\"",
            RequestLogSort.TimeToComplete => "(\"CompletedAt\" - \"CreatedAt\")",
            _ => "\"CreatedAt\"",
        };
        var direction = descending ? "DESC" : "ASC";
        return sort == RequestLogSort.Time ? $" ORDER BY \"CreatedAt\" {direction}" : $" ORDER BY {column} {direction}, \"CreatedAt\" DESC";
    }

    private static RequestLogRow ToRow(LogRowData row) => new(
        row.Id,
        new DateTimeOffset(row.CreatedAt, TimeSpan.Zero),
        row.Email,
        (ResetRequestStatus)row.Status,
        row.IpAddress,
        UserAgents.Browser(row.UserAgent),
        row.CompletedAt is { } completed ? TimeSpan.FromTicks(completed - row.CreatedAt) : null);

    private sealed class LogRowData
    {
        public Guid Id { get; init; }

        public long CreatedAt { get; init; }

        public string Email { get; init; } = "";

        public int Status { get; init; }

        public string? IpAddress { get; init; }

        public string? UserAgent { get; init; }

        public long? CompletedAt { get; init; }
    }
}
