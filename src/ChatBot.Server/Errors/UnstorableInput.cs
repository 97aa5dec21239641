using System.Data.Common;

namespace ChatBot.Server.Errors;

/// <summary>
/// Recognises input the database refused as data (PostgreSQL: a NUL character, text longer than its column),
/// anywhere in an exception chain. The request was bad, not the server; the failed commit stored nothing.
/// </summary>
public static class UnstorableInput
{
    // 22001 string_data_right_truncation, 22021 character_not_in_repertoire (NUL), 22P05 untranslatable_character.
    private static readonly HashSet<string> SqlStates = ["22001", "22021", "22P05"];

    public static bool IsCause(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
            if (current is DbException { SqlState: { } state } && SqlStates.Contains(state)) return true;
        return false;
    }
}
