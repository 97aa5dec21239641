using ChatBot.Testing.Hosting;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ChatBot.Server.Tests.Docs;

/// <summary>
/// docker-compose.yml read by a YAML parser (no docker engine here): the services, one image built once for both
/// nodes, healthchecks, required ops credentials, and only setting names that docs/configuration.md documents.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string[] Nodes = ["chatbot", "chatbot-2"];

    private static readonly Dictionary<string, object> Services = Load();

    [Fact]
    public void It_runs_postgres_and_two_nodes_from_one_image_built_once()
    {
        Assert.Equal(["chatbot", "chatbot-2", "postgres"], Services.Keys.Order());
        var built = Services.Where(s => Service(s.Key).ContainsKey("build")).Select(s => s.Key).ToList();
        Assert.Equal(["chatbot"], built);
        var image = Assert.IsType<string>(Service("chatbot")["image"]);
        Assert.Equal(image, Service("chatbot-2")["image"]);
    }

    [Fact]
    public void Every_service_has_a_healthcheck_and_the_second_node_waits_for_the_first()
    {
        foreach (var name in Services.Keys)
        {
            var healthcheck = Assert.IsType<Dictionary<object, object>>(Service(name).GetValueOrDefault("healthcheck"));
            Assert.NotEmpty(Assert.IsType<List<object>>(healthcheck["test"]));
        }
        Assert.Contains("/health", string.Join(' ', (List<object>)((Dictionary<object, object>)Service("chatbot")["healthcheck"])["test"]));
        var dependsOn = (Dictionary<object, object>)Service("chatbot-2")["depends_on"];
        Assert.Equal("service_healthy", ((Dictionary<object, object>)dependsOn["chatbot"])["condition"]);
    }

    [Fact]
    public void Ops_credentials_are_required_with_a_message_that_says_why()
    {
        foreach (var node in Nodes)
        {
            var environment = Environment(node);
            Assert.Matches(@"^\$\{OPS_USERNAME:\?set OPS_USERNAME and OPS_PASSWORD \(.*not loopback.*\)\}$", environment["Ops__Username"]);
            Assert.Matches(@"^\$\{OPS_PASSWORD:\?set OPS_USERNAME and OPS_PASSWORD \(.*not loopback.*\)\}$", environment["Ops__Password"]);
        }
    }

    [Fact]
    public void The_nodes_pass_the_slack_oauth_search_email_and_teams_admin_settings_and_differ_only_in_name()
    {
        var first = Environment("chatbot");
        var second = Environment("chatbot-2");
        foreach (var setting in new[]
        {
            "Slack__ClientId", "Slack__ClientSecret", "Search__Provider", "Search__Endpoint", "Search__ApiKey",
            "Email__SmtpHost", "Email__SmtpPort", "Email__Username", "Email__Password", "Email__From", "Teams__AdminIds__0",
        })
        {
            Assert.Contains(setting, first.Keys);
        }
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.Equal(["Jobs__InstanceName"], first.Keys.Where(k => first[k] != second[k]));
        Assert.NotEqual(first["Jobs__InstanceName"], second["Jobs__InstanceName"]);
    }

    [Fact]
    public void Every_setting_name_is_documented_in_the_configuration_reference()
    {
        var reference = RepositoryFiles.Read("docs/configuration.md");
        var undocumented = Nodes.SelectMany(n => Environment(n).Keys).Distinct().Where(name => !reference.Contains($"`{name}", StringComparison.Ordinal)).ToList();
        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_build_context_leaves_out_host_build_output_and_local_databases()
    {
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("*.db", ignored);
        Assert.Contains(".git/", ignored);
    }

    private static Dictionary<object, object> Service(string name) => (Dictionary<object, object>)Services[name];

    /// <summary>The environment with merge keys (<c>&lt;&lt;: *chatbot-env</c>) applied.</summary>
    private static Dictionary<string, string> Environment(string service) =>
        ((Dictionary<object, object>)Service(service)["environment"]).ToDictionary(e => (string)e.Key, e => (string)e.Value);

    private static Dictionary<string, object> Load()
    {
        using var reader = new StringReader(RepositoryFiles.Read("docker-compose.yml"));
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(new MergingParser(new Parser(reader)));
        return ((Dictionary<object, object>)document["services"]).ToDictionary(s => (string)s.Key, s => s.Value);
    }
}
