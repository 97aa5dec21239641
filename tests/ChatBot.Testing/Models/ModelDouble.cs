using ChatBot.Testing.Hosting;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Models;

/// <summary>
/// A local model provider speaking two wire protocols: OpenAI chat completions (<c>POST /v1/chat/completions</c>,
/// plain and <c>stream: true</c> server-sent events) and Anthropic messages (<c>POST /v1/messages</c>). It answers
/// from a script, in order, and records every request body so tests can check what the SDKs sent. When the
/// script runs out it answers with <see cref="Fallback"/>; <see cref="Responder"/> can decide per request instead.
/// </summary>
public sealed class ModelDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedModelReply> _script = new();

    private ModelDouble(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The OpenAI-style endpoint to configure (<c>Agent__OpenAI__Endpoint</c>).</summary>
    public string OpenAIEndpoint => new Uri(BaseUrl, "/v1").ToString();

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public ScriptedModelReply Fallback { get; set; } = ScriptedModelReply.Answer("HEADLINE: Done\nOUTCOME: nothing scripted\n\nNothing scripted.");

    /// <summary>Decides the reply from the request's JSON; null falls through to the script.</summary>
    public Func<JsonObject, ScriptedModelReply?>? Responder { get; set; }

    /// <summary>How long every answer takes, to keep runs in flight (a slow model).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Status code to answer with instead of a reply (e.g. 429, 500), consumed one per request.</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    public ModelDouble Then(ScriptedModelReply reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    public static async Task<ModelDouble> StartAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        var model = new ModelDouble(app);
        app.MapPost("/v1/chat/completions", model.ChatCompletionsAsync);
        app.MapPost("/v1/messages", model.MessagesAsync);
        await app.StartAsync();
        model.BaseUrl = LoopbackServer.AddressOf(app);
        return model;
    }

    private async Task<ScriptedModelReply?> NextAsync(HttpContext http)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body))!;
        Requests.Enqueue(body);
        if (Delay > TimeSpan.Zero)
        {
            // A caller that goes away (a killed node) ends its wait.
            try { await Task.Delay(Delay, http.RequestAborted); }
            catch (OperationCanceledException) { return null; }
        }
        if (Failures.TryDequeue(out var status))
        {
            http.Response.StatusCode = status;
            await http.Response.WriteAsJsonAsync(new { error = new { message = $"scripted failure {status}", type = "server_error" } });
            return null;
        }
        return Responder?.Invoke(body) ?? (_script.TryDequeue(out var next) ? next : Fallback);
    }

    private async Task ChatCompletionsAsync(HttpContext http)
    {
        if (await NextAsync(http) is not { } reply) return;
        var request = Requests.Last();
        var model = request["model"]?.GetValue<string>() ?? "double";
        var toolCalls = reply.ToolCalls.Select((c, i) => new
        {
            index = i,
            id = c.Id,
            type = "function",
            function = new { name = c.Name, arguments = c.ArgumentsJson },
        }).ToArray();
        var finish = toolCalls.Length > 0 ? "tool_calls" : "stop";
        var usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens };
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        if (request["stream"]?.GetValue<bool>() == true)
        {
            http.Response.ContentType = "text/event-stream";
            async Task Send(object chunk) => await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n");
            var baseChunk = new { id = "chatcmpl-double", @object = "chat.completion.chunk", created, model };
            await Send(new { baseChunk.id, baseChunk.@object, created, model, choices = new object[] { new { index = 0, delta = new { role = "assistant", content = "" } } } });
            // Text arrives in small pieces, as real servers send it.
            foreach (var piece in Chunk(reply.Text ?? "", 8))
                await Send(new { baseChunk.id, baseChunk.@object, created, model, choices = new object[] { new { index = 0, delta = new { content = piece } } } });
            if (toolCalls.Length > 0)
                await Send(new { baseChunk.id, baseChunk.@object, created, model, choices = new object[] { new { index = 0, delta = new { tool_calls = toolCalls } } } });
            await Send(new { baseChunk.id, baseChunk.@object, created, model, choices = new object[] { new { index = 0, delta = new { }, finish_reason = finish } } });
            await Send(new { baseChunk.id, baseChunk.@object, created, model, choices = Array.Empty<object>(), usage });
            await http.Response.WriteAsync("data: [DONE]\n\n");
            return;
        }

        await http.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-double",
            @object = "chat.completion",
            created,
            model,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new { role = "assistant", content = reply.Text, tool_calls = toolCalls.Length > 0 ? toolCalls.Select(c => new { c.id, c.type, c.function }).ToArray() : null },
                    finish_reason = finish,
                },
            },
            usage,
        });
    }

    private async Task MessagesAsync(HttpContext http)
    {
        if (await NextAsync(http) is not { } reply) return;
        var request = Requests.Last();
        var content = new List<object>();
        if (reply.Text is { } text) content.Add(new { type = "text", text });
        foreach (var call in reply.ToolCalls)
            content.Add(new { type = "tool_use", id = call.Id, name = call.Name, input = JsonNode.Parse(call.ArgumentsJson) });
        await http.Response.WriteAsJsonAsync(new
        {
            id = "msg_double",
            type = "message",
            role = "assistant",
            model = request["model"]?.GetValue<string>() ?? "double",
            content,
            stop_reason = reply.ToolCalls.Count > 0 ? "tool_use" : "end_turn",
            stop_sequence = (string?)null,
            usage = new { input_tokens = reply.PromptTokens, output_tokens = reply.CompletionTokens },
        });
    }

    private static IEnumerable<string> Chunk(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size) yield return text.Substring(i, Math.Min(size, text.Length - i));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
