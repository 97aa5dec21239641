using System.Diagnostics;

namespace ChatBot.Bench.AB;

/// <summary>One side of the A/B: a name for the table and the ChatBot.Server.dll it runs (null: this build's).</summary>
internal sealed record AbServer(string Name, string? Dll)
{
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
