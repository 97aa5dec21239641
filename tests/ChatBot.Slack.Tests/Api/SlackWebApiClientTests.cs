using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Slack.Api;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Slack.Tests.Api;

public sealed class SlackWebApiClientTests
{
    private static readonly SlackMessage Hello = new("hello", new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "hello" } }));

    [Fact]
    public async Task Post_message_sends_the_bearer_token_and_json_arguments_and_returns_the_ts()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        var api = services.GetRequiredService<SlackWebApiClient>();

        var ts = await api.Chat.PostMessageAsync(SlackPayloads.Team, "C1", Hello, "1700000000.000001", null, CancellationToken.None);

        var call = Assert.Single(slack.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer " + SlackApiDouble.BotToken, call.Authorization);
        Assert.Equal("C1", call.Arg("channel"));
        Assert.Equal("1700000000.000001", call.Arg("thread_ts"));
        Assert.Equal("hello", call.Arg("text"));
        Assert.Equal("section", call.Blocks![0]!["type"]!.GetValue<string>());
        Assert.Equal("1700000000.000001", ts);
    }

    [Fact]
    public async Task Ok_false_becomes_a_slack_api_exception_with_slacks_error_code()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        slack.Failures.Enqueue(SlackScriptedFailure.Fails("msg_too_long"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            services.GetRequiredService<SlackWebApiClient>().Chat.PostMessageAsync(SlackPayloads.Team, "C404", Hello, null, null, CancellationToken.None));

        Assert.Equal("msg_too_long", error.Error);
        Assert.Equal("chat.postMessage", error.Method);
    }

    [Fact]
    public async Task A_wrong_token_is_reported_as_invalid_auth()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack, botToken: "xoxb-wrong");

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            services.GetRequiredService<SlackWebApiClient>().Chat.UpdateAsync(SlackPayloads.Team, "C1", "1.1", Hello, CancellationToken.None));

        Assert.Equal("invalid_auth", error.Error);
    }

    [Fact]
    public async Task A_short_429_is_waited_out_and_retried()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        slack.Failures.Enqueue(SlackScriptedFailure.RateLimited(1));
        var started = DateTime.UtcNow;

        var ts = await services.GetRequiredService<SlackWebApiClient>().Chat.PostMessageAsync(SlackPayloads.Team, "C1", Hello, null, null, CancellationToken.None);

        Assert.Equal(2, slack.CallsTo("chat.postMessage").Count);
        Assert.False(string.IsNullOrEmpty(ts));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the client must honour Retry-After");
    }

    [Fact]
    public async Task A_long_429_surfaces_as_rate_limited_with_its_retry_after_for_the_job_to_retry()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        slack.Failures.Enqueue(SlackScriptedFailure.RateLimited(30));

        var error = await Assert.ThrowsAsync<SlackRateLimitedException>(() =>
            services.GetRequiredService<SlackWebApiClient>().Chat.PostMessageAsync(SlackPayloads.Team, "C1", Hello, null, null, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Single(slack.Calls);
    }

    [Fact]
    public async Task Repeated_429s_give_up_after_the_configured_inline_retries()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack, extra: new Dictionary<string, string?> { ["Slack:MaxInlineRetries"] = "1" });
        slack.Failures.Enqueue(SlackScriptedFailure.RateLimited(1));
        slack.Failures.Enqueue(SlackScriptedFailure.RateLimited(1));

        await Assert.ThrowsAsync<SlackRateLimitedException>(() =>
            services.GetRequiredService<SlackWebApiClient>().Chat.PostMessageAsync(SlackPayloads.Team, "C1", Hello, null, null, CancellationToken.None));

        Assert.Equal(2, slack.Calls.Count);
    }

    [Fact]
    public async Task Without_a_bot_token_calls_fail_as_platform_not_configured_without_touching_the_network()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack, botToken: null);

        var error = await Assert.ThrowsAsync<PlatformNotConfiguredException>(() =>
            services.GetRequiredService<SlackWebApiClient>().Chat.PostMessageAsync(SlackPayloads.Team, "C1", Hello, null, null, CancellationToken.None));

        Assert.Equal(ChatPlatform.Slack, error.Platform);
        Assert.Empty(slack.Calls);
    }

    [Fact]
    public async Task Users_info_is_sent_as_form_fields_and_reads_admin_and_owner()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        slack.Admins["U_ADMIN"] = true;

        var user = await services.GetRequiredService<SlackWebApiClient>().Users.InfoAsync(SlackPayloads.Team, "U_ADMIN", CancellationToken.None);

        Assert.True(user.IsWorkspaceAdmin);
        Assert.Equal("U_ADMIN", Assert.Single(slack.Calls).Arg("user"));
    }

    [Fact]
    public async Task Opening_a_socket_mode_connection_uses_the_app_token_and_returns_the_url()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        slack.SocketModeUrl = () => "wss://wss-primary.slack.com/link/?ticket=t1&app_id=A1";
        await using var services = SlackServices.For(slack);

        var url = await services.GetRequiredService<SlackWebApiClient>().Apps.OpenConnectionAsync(SlackApiDouble.AppToken, CancellationToken.None);

        Assert.Equal(new Uri("wss://wss-primary.slack.com/link/?ticket=t1&app_id=A1"), url);
        Assert.Equal("Bearer " + SlackApiDouble.AppToken, Assert.Single(slack.CallsTo("apps.connections.open")).Authorization);
    }

    [Fact]
    public async Task A_refused_socket_mode_open_is_a_slack_api_exception()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        slack.SocketModeUrl = () => "wss://wss-primary.slack.com/link/?ticket=t1";
        await using var services = SlackServices.For(slack);

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            services.GetRequiredService<SlackWebApiClient>().Apps.OpenConnectionAsync(SlackApiDouble.BotToken, CancellationToken.None));

        Assert.Equal("invalid_auth", error.Error);
        Assert.Equal("apps.connections.open", error.Method);
    }
}
