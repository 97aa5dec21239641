using System.Text.Json.Serialization;

namespace ChatBot.Server.Api;

/// <summary>A list answer, <c>{"data":[…]}</c>.</summary>
public sealed record DataList<T>([property: JsonPropertyName("data")] IEnumerable<T> Data);
