using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PortalApp.Features.Account;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>A full resend queue turns requests away visibly: the customer is asked to try again, operators get a count.</summary>
public sealed class ConfirmationResendQueueTests
{
    [Fact]
    public void TryEnqueue_QueueFull_RefusesAndWarnsOncePerMinuteWithTheCount()
    {
        var time = new FakeTimeProvider();
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var queue = new ConfirmationResendQueue(time, loggers.CreateLogger<ConfirmationResendQueue>(), capacity: 2);

        Assert.True(queue.TryEnqueue("a@example.com"));
        Assert.True(queue.TryEnqueue("b@example.com"));
        Assert.False(queue.TryEnqueue("c@example.com"));
        Assert.False(queue.TryEnqueue("d@example.com"));
        Assert.False(queue.TryEnqueue("e@example.com"));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(queue.TryEnqueue("f@example.com"));

        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Text).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("1 requests turned away", warnings[0], StringComparison.Ordinal);
        Assert.Contains("3 requests turned away", warnings[1], StringComparison.Ordinal);
        Assert.DoesNotContain(warnings, w => w.Contains("@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResendPage_QueueFull_AsksToTryAgainInsteadOfSayingItWasSent()
    {
        using var factory = new PortalAppFactory
        {
            ConfigureTestServices = services =>
            {
                // No worker draining it, and room for one request, which the test takes first.
                services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ConfirmationResendWorker)));
                services.AddSingleton(s => new ConfirmationResendQueue(TimeProvider.System, s.GetRequiredService<ILogger<ConfirmationResendQueue>>(), capacity: 1));
            },
        };
        Assert.True(factory.Services.GetRequiredService<ConfirmationResendQueue>().TryEnqueue("first@example.com"));
        using var client = PortalSignIn.AnonymousClient(factory);

        var response = await StaticForm.SubmitAsync(client, "/Account/ResendEmailConfirmation", "resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = "second@example.com" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(["We couldn't take your request just now. Please try again in a few minutes."], StaticForm.Alerts(html));
        Assert.Empty(StaticForm.Parse(html).QuerySelectorAll("[role=status]"));
    }
}
