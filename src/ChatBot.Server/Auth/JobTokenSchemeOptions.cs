using Microsoft.AspNetCore.Authentication;

namespace ChatBot.Server.Auth;

/// <summary>What a job-token scheme's 401 tells a caller that sent no token.</summary>
public sealed class JobTokenSchemeOptions : AuthenticationSchemeOptions
{
    public string MissingMessage { get; set; } = "Send the job token as 'Authorization: Bearer <jobToken>'.";
}
