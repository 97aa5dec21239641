namespace ChatBot.Slack.Api;

/// <summary>
/// Slack has not yet said (auth.test) which team <c>Slack__BotToken</c> belongs to, so it is not used for any team
/// yet. Not final: the job that called retries later, by when the team is known.
/// </summary>
public sealed class SlackTokenTeamPendingException()
    : Exception("Slack has not yet said which team Slack__BotToken belongs to (auth.test); trying again later.");
