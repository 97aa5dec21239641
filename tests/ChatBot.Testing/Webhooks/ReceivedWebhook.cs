namespace ChatBot.Testing.Webhooks;

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body);
