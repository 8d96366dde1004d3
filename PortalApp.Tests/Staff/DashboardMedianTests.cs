using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Features.Staff;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Staff;

/// <summary>The median time to complete against a plain in-memory median, over awkward durations.</summary>
public sealed class DashboardMedianTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public DashboardMedianTests(PortalAppFactory factory) => this.factory = factory;

    [Theory]
    [InlineData(501)]
    [InlineData(500)]
    public async Task MedianTimeToComplete_ManyDurations_EqualsInMemoryMedian(int completions)
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-20 - (completions % 2 * 5));
        var random = new Random(completions);

        // Exact ladder edges (60 s, 3600 s), sub-second values, ties, and a few very slow ones past the last edge.
        TimeSpan[] special = [TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), TimeSpan.FromHours(1), TimeSpan.FromDays(9), TimeSpan.FromMilliseconds(300)];
        var durations = Enumerable.Range(0, completions)
            .Select(i => i < special.Length ? special[i] : TimeSpan.FromTicks((long)(random.NextDouble() * random.NextDouble() * TimeSpan.FromHours(2).Ticks)))
            .ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            for (var i = 0; i < durations.Count; i++)
            {
                var created = start.AddMinutes(i) - durations[i];
                var request = new ResetRequest { Id = Guid.NewGuid(), CreatedAt = created, Email = $"m{i}@example.com" };
                request.Record(ResetActivityType.EmailQueued, created);
                request.Record(ResetActivityType.Completed, start.AddMinutes(i));
                db.ResetRequests.Add(request);
            }

            await db.SaveChangesAsync();
        }

        var kpis = await factory.GetService<ResetActivityQueries>().GetKpisAsync(new ActivityRange(start, start.AddDays(1)));

        var sorted = durations.Order().ToList();
        var expected = completions % 2 == 1 ? sorted[completions / 2] : TimeSpan.FromTicks((sorted[(completions / 2) - 1].Ticks + sorted[completions / 2].Ticks) / 2);
        Assert.Equal(expected, kpis.MedianTimeToComplete);
    }
}
