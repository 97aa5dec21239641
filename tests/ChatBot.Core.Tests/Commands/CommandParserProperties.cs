using ChatBot.Core.Commands;
using FsCheck.Xunit;

namespace ChatBot.Core.Tests.Commands;

/// <summary>Whatever arrives from a chat client, the parser answers with a command or an explanation.</summary>
public sealed class CommandParserProperties
{
    [Property(MaxTest = 500)]
    public bool Any_message_parses_to_exactly_one_of_command_or_error(string? text)
    {
        var result = CommandParser.ParseMessage(text);
        return (result.Command is null) != (result.Error is null);
    }

    [Property(MaxTest = 500)]
    public bool Any_slash_command_parses_to_exactly_one_of_command_or_error(string? command, string? text)
    {
        var result = CommandParser.ParseSlash(command, text);
        return (result.Command is null) != (result.Error is null);
    }

    [Property(MaxTest = 300)]
    public bool Agent_tasks_are_never_empty(string? text)
    {
        var result = CommandParser.ParseMessage(text);
        return result.Command is not AgentTaskCommand task || task.Task.Trim().Length > 0;
    }
}
