namespace ChatBot.Server.Api.Runs;

public enum JobTokenCheck
{
    Valid,
    Invalid,
    Expired,
    OtherRun,
}
