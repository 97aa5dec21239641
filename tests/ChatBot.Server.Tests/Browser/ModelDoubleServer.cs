using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;

namespace ChatBot.Server.Tests.Browser;

/// <summary>
/// The real server process (embedded default storage, as the README's run) with the real agent engine talking to
/// the local model double, for the tests that drive a chat client's page.
/// </summary>
public static class ModelDoubleServer
{
    /// <param name="more">Settings the test adds (a platform's admins, say) on top of the shared ones.</param>
    public static Task<ServerProcess> StartAsync(ModelDouble model, string workingDirectory, IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Agent__Provider"] = "openai",
            ["Agent__Model"] = "double-model",
            ["Agent__OpenAI__Endpoint"] = model.OpenAIEndpoint,
            ["Egress__AllowPrivateNetworks"] = "true",
            // Nothing listens there: an approved email fails and the model reports it, as it would in life.
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = "9",
            ["Jobs__HeartbeatInterval"] = "00:00:00.500",
        };
        foreach (var (name, value) in more ?? new Dictionary<string, string>()) settings[name] = value;
        return ServerProcess.StartAsync(settings, workingDirectory, environment: "Development");
    }
}
