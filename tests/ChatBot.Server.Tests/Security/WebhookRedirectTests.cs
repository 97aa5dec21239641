using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Webhooks;

namespace ChatBot.Server.Tests.Security;

/// <summary>
/// A real server process posting monitor webhooks to an https receiver that answers 307 towards a loopback address
/// or the cloud metadata address: the redirect is not followed, and the delivery log says why. The receiver is
/// reachable only because the operator listed its address (<c>Egress__AllowedPrivateHosts</c>) and the process
/// trusts its certificate (<c>SSL_CERT_FILE</c>); the redirect targets are not listed.
/// </summary>
[Collection(SecurityProcesses.Name)]
public sealed class WebhookRedirectTests
{
    private const string Workspace = "T0REDIRECT";

    [Fact]
    public async Task A_webhook_receivers_redirect_to_a_private_address_is_not_followed_and_is_logged_as_refused()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var directory = Directory.CreateTempSubdirectory("chatbot-redirect-");
        try
        {
            var trusted = Path.Combine(directory.FullName, "receiver.pem");
            await File.WriteAllTextAsync(trusted, receiver.CertificatePem);
            await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
            {
                ["Ops__Username"] = SecurityServer.OpsUsername,
                ["Ops__Password"] = SecurityServer.OpsPassword,
                ["Egress__AllowedPrivateHosts__0"] = receiver.BaseUrl.Host,
                ["SSL_CERT_FILE"] = trusted,
            }, directory.FullName, environment: "Development", startTimeout: TimeSpan.FromMinutes(5));
            using var api = await ClientAsync(server);

            // The last target is the receiver itself, which the rule allows: only not following reaches nowhere there.
            var targets = new[]
            {
                new Uri("https://169.254.169.254/latest/meta-data/iam/security-credentials/"),
                new Uri("https://127.0.0.1:9/internal"),
                new Uri($"https://localhost:{server.BaseUrl.Port}/api/ops/workspaces"),
                new Uri(receiver.BaseUrl, "/hooks/landed"),
            };
            foreach (var target in targets)
            {
                var created = await api.PostAsJsonAsync("/v1alpha/monitors",
                    new { query = "https://example.com/pricing", cadence = "daily", webhook = new { url = receiver.RedirectUrl(target).AbsoluteUri } });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                var monitorId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("monitor_id").GetString();
                Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/v1alpha/monitors/{monitorId}/simulate_event", null)).StatusCode);
            }

            var errors = new List<string?>();
            await Eventually.HoldsAsync(async () =>
            {
                using var answer = await api.GetAsync($"/api/workspace/{Workspace}/admin/webhook-deliveries");
                // Polling spends the token's request budget; over it, wait for the next poll.
                if (answer.StatusCode == HttpStatusCode.TooManyRequests) return false;
                var log = await answer.Content.ReadFromJsonAsync<JsonElement>();
                errors = log.GetProperty("data").EnumerateArray()
                    .Select(d => d.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("error").GetString()).FirstOrDefault())
                    .ToList();
                return errors.Count == targets.Length && errors.All(e => e is not null);
            }, deadline: TimeSpan.FromMinutes(3), what: "a first attempt of every delivery in the log");

            Assert.All(errors, error => Assert.StartsWith("refused by egress policy: webhook redirects are not followed (HTTP 307", error));
            Assert.Contains(errors, e => e!.EndsWith("to https://169.254.169.254)", StringComparison.Ordinal));
            Assert.Equal(targets.Length, receiver.Redirected.Count);
            Assert.Empty(receiver.Received);
            Assert.DoesNotContain("/latest/meta-data", server.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<HttpClient> ClientAsync(ServerProcess server)
    {
        using var ops = new HttpClient { BaseAddress = server.BaseUrl };
        ops.DefaultRequestHeaders.Authorization = SecurityServer.Basic(SecurityServer.OpsUsername, SecurityServer.OpsPassword);
        var issued = await ops.PostAsJsonAsync($"/api/ops/workspaces/{Workspace}/tokens", new { name = "redirects", scopes = new[] { "monitors", "admin" } });
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var api = new HttpClient { BaseAddress = server.BaseUrl };
        api.DefaultRequestHeaders.Add("x-api-key", token);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return api;
    }
}
