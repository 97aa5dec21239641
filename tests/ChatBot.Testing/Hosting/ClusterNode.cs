using ChatBot.Testing.Models;

namespace ChatBot.Testing.Hosting;

/// <summary>The settings of one clustered server process on PostgreSQL whose model is a local double.</summary>
public static class ClusterNode
{
    /// <param name="more">Further settings (double-underscore names) for what the test is about.</param>
    public static Dictionary<string, string> Settings(string database, string node, ModelDouble model, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__ChatBot"] = database,
            ["Jobs__Clustered"] = "true",
            ["Jobs__InstanceName"] = node,
            ["Agent__Provider"] = "openai",
            ["Agent__Model"] = "double-model",
            ["Agent__OpenAI__Endpoint"] = model.OpenAIEndpoint,
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }
}
