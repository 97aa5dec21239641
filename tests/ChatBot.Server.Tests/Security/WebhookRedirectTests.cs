using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Webhooks;

namespace ChatBot.Server.Tests.Security;

/// <summary>
/// A real server process posting monitor webhooks to an https receiver that answers 307 towards a loopback port or
/// the cloud metadata address: the redirect is not followed (nothing connects to the loopback port, although the rule
/// would let a post reach it) and the delivery log says why. The receiver is reachable only because the operator
/// listed its address (<c>Egress__AllowedPrivateHosts</c>) and the process trusts its certificate (<c>SSL_CERT_FILE</c>).
/// </summary>
[Collection(SecurityProcesses.Name)]
public sealed class WebhookRedirectTests
{
    private const string Workspace = "T0REDIRECT";

    [Fact]
    public async Task A_webhook_receivers_redirect_is_not_followed_and_the_delivery_log_says_it_was_refused()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var internalService = ConnectionCounter.Start();
        var directory = Directory.CreateTempSubdirectory("chatbot-redirect-");
        try
        {
            var trusted = Path.Combine(directory.FullName, "receiver.pem");
            await File.WriteAllTextAsync(trusted, receiver.CertificatePem);
            await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
            {
                ["Egress__AllowedPrivateHosts__0"] = receiver.BaseUrl.Host,
                ["SSL_CERT_FILE"] = trusted,
            }, directory.FullName, startTimeout: TimeSpan.FromMinutes(5));
            using var monitors = await ClientAsync(server, "monitors");
            using var admin = await ClientAsync(server, "admin");

            var targets = new[]
            {
                // The same host as the receiver, which the rule allows: only not following keeps the post from it.
                new Uri($"https://{receiver.BaseUrl.Host}:{internalService.Port}/internal"),
                new Uri("http://169.254.169.254/latest/meta-data/iam/security-credentials/"),
            };
            var hooks = new List<string>();
            foreach (var target in targets)
            {
                var hook = receiver.RedirectUrl(target).AbsoluteUri;
                var created = await monitors.PostAsJsonAsync("/v1alpha/monitors",
                    new { query = "https://example.com/pricing", cadence = "daily", webhook = new { url = hook } });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                var monitorId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("monitor_id").GetString();
                Assert.Equal(HttpStatusCode.NoContent, (await monitors.PostAsync($"/v1alpha/monitors/{monitorId}/simulate_event", null)).StatusCode);
                hooks.Add(hook);
            }

            // The monitors' own first checks (example.com does not resolve here) notify the same webhooks, so the log is
            // read per URL rather than counted; a cold process's first send may also time out on a busy machine and is
            // retried. What matters is that every webhook's log shows the refusal.
            var refusals = new[]
            {
                $"refused by egress policy: webhook redirects are not followed (HTTP 307 to https://{receiver.BaseUrl.Host}:{internalService.Port})",
                "refused by egress policy: webhook redirects are not followed (HTTP 307 to http://169.254.169.254)",
            };
            var attempts = new List<(string Url, int? Status, string? Error)>();
            await Eventually.HoldsAsync(async () =>
            {
                using var answer = await admin.GetAsync($"/api/workspace/{Workspace}/admin/webhook-deliveries");
                // Polling spends the token's request budget; over it, wait for the next poll.
                if (answer.StatusCode == HttpStatusCode.TooManyRequests) return false;
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                var log = await answer.Content.ReadFromJsonAsync<JsonElement>();
                attempts = log.GetProperty("data").EnumerateArray()
                    .SelectMany(d => d.GetProperty("attempts").EnumerateArray().Select(a => (
                        d.GetProperty("url").GetString()!,
                        a.GetProperty("status_code").ValueKind == JsonValueKind.Number ? a.GetProperty("status_code").GetInt32() : (int?)null,
                        a.GetProperty("error").GetString())))
                    .ToList();
                return hooks.Zip(refusals).All(h => attempts.Contains((h.First, 307, h.Second)));
            }, deadline: TimeSpan.FromMinutes(3), what: "the refusal of every webhook's redirect in the delivery log");

            Assert.Equal(hooks.Order(), attempts.Select(a => a.Url).Distinct().Order());
            // Nothing was delivered and nothing but the 307 came back: no attempt followed the redirect.
            Assert.All(attempts, a => Assert.True(a.Status is null or 307, $"attempt answered {a.Status}: {a.Error}"));
            Assert.NotEmpty(receiver.Redirected);
            Assert.Empty(receiver.Received);
            Assert.Equal(0, internalService.Accepted);
            // The log names a redirect's target by its origin only: a path may be a credential.
            Assert.DoesNotContain("/latest/meta-data", server.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_webhook_aimed_at_a_private_address_is_refused_when_the_monitor_is_created_or_changed()
    {
        var directory = Directory.CreateTempSubdirectory("chatbot-private-hook-");
        try
        {
            await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>(), directory.FullName, startTimeout: TimeSpan.FromMinutes(5));
            using var monitors = await ClientAsync(server, "monitors");
            string[] privateTargets = ["https://127.0.0.1:8443/hook", "https://10.0.0.5/hook", "https://169.254.169.254/latest/meta-data/", "https://[::1]/hook"];

            foreach (var target in privateTargets)
            {
                var created = await monitors.PostAsJsonAsync("/v1alpha/monitors",
                    new { query = "https://example.com/private", cadence = "daily", webhook = new { url = target } });
                await AssertRefusedAsync(created);
            }
            var listed = await monitors.GetFromJsonAsync<JsonElement>("/v1alpha/monitors");
            Assert.Empty(listed.GetProperty("monitors").EnumerateArray());

            var monitor = await monitors.PostAsJsonAsync("/v1alpha/monitors", new { query = "https://example.com/public", cadence = "daily" });
            Assert.Equal(HttpStatusCode.Created, monitor.StatusCode);
            var id = (await monitor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("monitor_id").GetString();
            foreach (var target in privateTargets)
                await AssertRefusedAsync(await monitors.PatchAsJsonAsync($"/v1alpha/monitors/{id}", new { webhook = new { url = target } }));
            var unchanged = await monitors.GetFromJsonAsync<JsonElement>($"/v1alpha/monitors/{id}");
            Assert.False(unchanged.TryGetProperty("webhook", out var webhook) && webhook.ValueKind != JsonValueKind.Null);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var problem = Assert.Single((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("detail").GetProperty("errors").EnumerateArray());
        Assert.Equal("webhook.url", problem.GetProperty("field").GetString());
        Assert.StartsWith("refused by egress policy", problem.GetProperty("message").GetString());
    }

    /// <summary>A token minted from loopback (no ops credentials set), sent as both headers the APIs read.</summary>
    private static async Task<HttpClient> ClientAsync(ServerProcess server, string scope)
    {
        using var ops = new HttpClient { BaseAddress = server.BaseUrl };
        var issued = await ops.PostAsJsonAsync($"/api/ops/workspaces/{Workspace}/tokens", new { name = $"redirects-{scope}", scopes = new[] { scope } });
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var api = new HttpClient { BaseAddress = server.BaseUrl };
        api.DefaultRequestHeaders.Add("x-api-key", token);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return api;
    }
}
