using System.Diagnostics;

namespace ChatBot.Bench.AB;

/// <summary>One side of the A/B: a name for the table and the ChatBot.Server.dll it runs (null: this build's).</summary>
internal sealed record AbServer(string Name, string? Dll)
{
    /// <summary>
    /// The side <paramref name="prefix"/><c>_NAME</c> and <paramref name="prefix"/><c>_SERVER</c> (a ChatBot.Server.dll)
    /// describe; without a dll, this build's server unless one is <paramref name="required"/>.
    /// </summary>
    public static AbServer FromEnvironment(string prefix, string defaultName, bool required)
    {
        var name = Environment.GetEnvironmentVariable(prefix + "_NAME") is { Length: > 0 } given ? given : defaultName;
        var dll = Environment.GetEnvironmentVariable(prefix + "_SERVER");
        if (dll is not { Length: > 0 })
        {
            if (required) throw new InvalidOperationException($"Set {prefix}_SERVER to the other build's ChatBot.Server.dll (bench/README.md).");
            return new AbServer(name, null);
        }
        if (!File.Exists(dll)) throw new FileNotFoundException($"{prefix}_SERVER: no such file.", dll);
        return new AbServer(name, Path.GetFullPath(dll));
    }

    /// <summary>The dll that runs, and the version it was built as (the SDK appends the commit to it).</summary>
    public string Build
    {
        get
        {
            var path = Dll ?? Path.Combine(AppContext.BaseDirectory, "ChatBot.Server.dll");
            return $"`{path}` ({FileVersionInfo.GetVersionInfo(path).ProductVersion})";
        }
    }
}
