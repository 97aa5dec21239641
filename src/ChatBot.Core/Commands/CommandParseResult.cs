namespace ChatBot.Core.Commands;

/// <summary>Either a command or a friendly explanation of what was wrong with the text and how to fix it.</summary>
public sealed record CommandParseResult(ChatCommand? Command, string? Error)
{
    public bool IsSuccess => Command is not null;

    public static CommandParseResult Ok(ChatCommand command) => new(command, null);

    public static CommandParseResult Fail(string error) => new(null, error);
}
