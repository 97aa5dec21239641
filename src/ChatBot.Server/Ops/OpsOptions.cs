namespace ChatBot.Server.Ops;

/// <summary>Bound from <c>Ops</c>: HTTP Basic credentials for the ops API and dashboard.</summary>
public sealed class OpsOptions
{
    public const string Section = "Ops";

    public string? Username { get; set; }
    public string? Password { get; set; }

    public bool HasCredentials => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}
