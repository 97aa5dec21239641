namespace ChatBot.Testing.Teams;

/// <summary>A client-credentials request MSAL made to the connector double's token endpoint.</summary>
public sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form);
