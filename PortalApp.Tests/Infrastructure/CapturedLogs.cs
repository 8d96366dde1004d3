using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PortalApp.Tests.Infrastructure;

public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text);

/// <summary>Captures every log entry the app writes, at every level, with its message, state values and exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyCollection<CapturedLog> Entries => entries;

    /// <summary>Adds the capture to a factory and turns every category up to Trace.</summary>
    public static CapturedLogs AttachTo(Infrastructure.PortalAppFactory factory)
    {
        var logs = new CapturedLogs();
        factory.Settings["Logging:LogLevel:Default"] = "Trace";
        factory.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        factory.Settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace";
        factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Trace";
        var previous = factory.ConfigureTestServices;
        factory.ConfigureTestServices = services =>
        {
            previous?.Invoke(services);
            services.AddSingleton<ILoggerProvider>(logs);
        };
        return logs;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, $"{formatter(state, exception)} | {values} | {exception}"));
        }
    }
}
