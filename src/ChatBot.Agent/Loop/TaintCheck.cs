using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatBot.Agent.Loop;

/// <summary>
/// Refuses a sensitive call whose recipients or targets were only ever seen in untrusted content: an email
/// address or host that a fetched page supplied, and the person never mentioned, is an injection's fingerprint.
/// The person would still have to approve it, but such a request should not reach them at all. Targets compare
/// whole and normalised (<see cref="Targets"/>), and untrusted text is read with its obfuscations undone.
/// </summary>
public static class TaintCheck
{
    public static TaintVerdict Inspect(string argumentsJson, IEnumerable<ChatMessage> conversation)
    {
        var trusted = new Seen();
        var untrusted = new Seen();
        var firstSeenUntrusted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in conversation)
        {
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent text when message.Role == ChatRole.User || message.Role == ChatRole.System:
                        trusted.Read(text.Text);
                        break;
                    case FunctionResultContent result when result.Result?.ToString() is { } output && output.Contains("<" + UntrustedData.Tag, StringComparison.Ordinal):
                        var revealed = Deobfuscation.Reveal(output);
                        foreach (var target in untrusted.Read(output).Concat(untrusted.Read(revealed)))
                            if (!trusted.Contains(target)) firstSeenUntrusted.Add(target);
                        break;
                }
            }
        }

        var values = string.Join('\n', StringValues(argumentsJson));
        var addresses = Targets.Addresses(values).Distinct().ToList();
        var hosts = Targets.Urls(values).Select(u => Targets.NormalizeHost(new Uri(u).Host)!).Distinct().ToList();
        var refused = addresses.Concat(hosts).FirstOrDefault(t => untrusted.Contains(t) && !trusted.Contains(t));
        if (refused is not null) return new TaintVerdict(refused, []);

        var marked = addresses.Concat(Targets.Urls(values).Distinct()).Where(firstSeenUntrusted.Contains).ToList();
        return marked.Count == 0 ? TaintVerdict.Clean : new TaintVerdict(null, marked);
    }

    /// <summary>The string values of the call's arguments, decoded (JSON may escape non-ASCII names).</summary>
    private static IEnumerable<string> StringValues(string argumentsJson)
    {
        using var document = JsonDocument.Parse(argumentsJson);
        var pending = new Stack<JsonElement>([document.RootElement]);
        var values = new List<string>();
        while (pending.TryPop(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: values.Add(element.GetString()!); break;
                case JsonValueKind.Object: foreach (var property in element.EnumerateObject()) pending.Push(property.Value); break;
                case JsonValueKind.Array: foreach (var item in element.EnumerateArray()) pending.Push(item); break;
            }
        }
        return values;
    }

    /// <summary>Every normalised address, host and URL seen in one kind of text.</summary>
    private sealed class Seen
    {
        private readonly HashSet<string> _targets = new(StringComparer.Ordinal);

        public bool Contains(string target) => _targets.Contains(target);

        /// <summary>Records the text's targets and returns them.</summary>
        public IReadOnlyList<string> Read(string text)
        {
            var found = Targets.Addresses(text).Concat(Targets.Hosts(text)).Concat(Targets.Urls(text)).ToList();
            _targets.UnionWith(found);
            return found;
        }
    }
}
