using System.Collections.Concurrent;
using System.Text;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Server.Tests.Api;

/// <summary>One correlation id per request: in its header, in the error body of every adapter, and in the scope of what it logs.</summary>
public sealed class CorrelationIdTests
{
    [Fact]
    public async Task Api_slack_and_teams_errors_carry_the_request_correlation_id_that_scopes_its_logs()
    {
        var logs = new ScopeRecordingLoggerProvider();
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs);
        using var client = app.CreateClient();

        var ids = new List<string>();
        foreach (var path in new[] { "/api/workspace/T0CORRELATION/trigger", "/slack/events", "/api/messages" })
        {
            var response = await client.PostAsync(path, new StringContent("{not json", Encoding.UTF8, "application/json"));
            Assert.True((int)response.StatusCode >= 400, $"{path} answered {response.StatusCode}");
            var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
            Assert.StartsWith("mr_", id);
            Assert.Equal(id, (await response.JsonAsync()).GetProperty("correlation_id").GetString());
            ids.Add(id);
        }
        Assert.Equal(3, ids.Distinct().Count());

        // The refused token was logged while its request was handled, under that request's id.
        Assert.Contains(logs.Entries, e => e.Category.EndsWith("WorkspaceTokenHandler", StringComparison.Ordinal) && e.CorrelationId == ids[0]);
    }

    private sealed class ScopeRecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public ConcurrentQueue<(string Category, string? CorrelationId)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeRecordingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string? correlationId = null;
                owner._scopes?.ForEachScope((scope, _) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object>> values && values.FirstOrDefault(v => v.Key == "CorrelationId").Value is string id)
                        correlationId = id;
                }, (object?)null);
                owner.Entries.Enqueue((category, correlationId));
            }
        }
    }
}
