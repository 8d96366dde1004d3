using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Staff;

/// <summary>Writes synthetic reset activity: a few weeks of demo traffic in Development, or a large volume for the benchmark.</summary>
/// <remarks>Runs at start-up or from the seed-activity command, never in a circuit, so it uses the scope's DbContext (and its connection, for bulk inserts).</remarks>
internal sealed class ResetActivitySeeder(PortalDbContext db, IOptions<SeedOptions> seed, IOptions<StaffDashboardOptions> options, TimeProvider time, ILogger<ResetActivitySeeder> logger) : IPortalSeeder
{
    public static readonly TimeSpan DemoPeriod = TimeSpan.FromDays(21);

    /// <summary>Seeds three weeks of activity when <c>Seed:DemoData</c> (and <c>StaffDashboard:SeedDemoActivity</c>) is on and no activity exists yet.</summary>
    public async Task SeedDemoAsync(CancellationToken cancellationToken = default)
    {
        if (seed.Value.DemoData != true || !options.Value.SeedDemoActivity || await db.ResetActivityEvents.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var (requests, events) = await WriteAsync(new SyntheticResetActivity(2026).Generate(now - DemoPeriod, now.AddMinutes(-5), now, requestsPerDay: 70), int.MaxValue, cancellationToken);
        logger.LogInformation("Seeded {Requests} demo reset requests with {Events} activity events.", requests, events);
    }

    Task IPortalSeeder.SeedAsync(CancellationToken cancellationToken) => SeedDemoAsync(cancellationToken);

    /// <summary>Appends <paramref name="eventCount"/> events spread over the last <paramref name="days"/> days.</summary>
    public async Task<(int Requests, int Events)> SeedBulkAsync(int eventCount, int days, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        const double EventsPerRequest = 4.6;
        var (requests, events) = (0, 0);

        // Each pass covers the whole period; a short first pass (the lifecycles are random) is topped up by another.
        for (var pass = 0; events < eventCount && pass < 10; pass++)
        {
            var perDay = Math.Max(1, (eventCount - events) / EventsPerRequest / days);
            var generated = new SyntheticResetActivity(Environment.TickCount + pass).Generate(now.AddDays(-days), now, now, perDay);
            var (r, e) = await WriteAsync(generated, eventCount - events, cancellationToken);
            requests += r;
            events += e;
        }

        return (requests, events);
    }

    private async Task<(int Requests, int Events)> WriteAsync(IEnumerable<(ResetRequest Request, List<ResetActivityEvent> Events)> activity, int maxEvents, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var requests = 0;
            var events = 0;
            DbTransaction? transaction = null;
            var insertRequest = Command(connection, """
                INSERT INTO "ResetRequests" ("Id", "CreatedAt", "Email", "UserId", "IpAddress", "UserAgent", "Status", "IssuedAt", "ExpiresAt", "EmailSentAt", "OpenedAt", "ConsumedAt", "CompletedAt")
                VALUES ($id, $created, $email, $user, $ip, $ua, $status, $issued, $expires, $sent, $opened, $consumed, $completed)
                """, "$id", "$created", "$email", "$user", "$ip", "$ua", "$status", "$issued", "$expires", "$sent", "$opened", "$consumed", "$completed");
            var insertEvent = Command(connection, """
                INSERT INTO "ResetActivityEvents" ("OccurredAt", "Type", "RequestId", "UserId", "Email", "IpAddress", "UserAgent", "Detail")
                VALUES ($at, $type, $request, $user, $email, $ip, $ua, $detail)
                """, "$at", "$type", "$request", "$user", "$email", "$ip", "$ua", "$detail");

            foreach (var (request, requestEvents) in activity)
            {
                if (events + requestEvents.Count > maxEvents)
                {
                    break;
                }

                if (transaction is null)
                {
                    transaction = await connection.BeginTransactionAsync(cancellationToken);
                    insertRequest.Transaction = transaction;
                    insertEvent.Transaction = transaction;
                }

                await InsertAsync(insertRequest, insertEvent, request, requestEvents, cancellationToken);
                requests++;
                events += requestEvents.Count;

                if (requests % 20_000 == 0)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = null;
                }
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
            }

            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
            return (requests, events);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task InsertAsync(DbCommand insertRequest, DbCommand insertEvent, ResetRequest request, List<ResetActivityEvent> events, CancellationToken cancellationToken)
    {
        var id = request.Id.ToString().ToUpperInvariant();
        Set(insertRequest, id, request.CreatedAt.UtcTicks, request.Email, request.UserId, request.IpAddress, request.UserAgent,
            (int)request.Status, request.IssuedAt?.UtcTicks, request.ExpiresAt?.UtcTicks, request.EmailSentAt?.UtcTicks, request.OpenedAt?.UtcTicks,
            request.ConsumedAt?.UtcTicks, request.CompletedAt?.UtcTicks);
        await insertRequest.ExecuteNonQueryAsync(cancellationToken);
        foreach (var e in events)
        {
            Set(insertEvent, e.OccurredAt.UtcTicks, (int)e.Type, id, e.UserId, e.Email, e.IpAddress, e.UserAgent, e.Detail);
            await insertEvent.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
