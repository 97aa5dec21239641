namespace ChatBot.Slack.Api;

/// <summary>users.info.</summary>
public sealed class SlackUsersApi(SlackApiTransport transport)
{
    public async Task<SlackUserInfo> InfoAsync(string team, string user, CancellationToken ct)
    {
        // users.info does not accept JSON bodies; it takes form fields.
        var answer = await transport.CallFormAsync(team, "users.info", [new("user", user)], ct);
        var found = answer["user"] ?? throw new SlackApiException("users.info", "invalid_response", "Slack users.info returned no user");
        return new SlackUserInfo(
            found["id"]?.GetValue<string>() ?? user,
            found["name"]?.GetValue<string>(),
            found["is_admin"]?.GetValue<bool>() ?? false,
            found["is_owner"]?.GetValue<bool>() ?? false,
            found["is_bot"]?.GetValue<bool>() ?? false);
    }
}
