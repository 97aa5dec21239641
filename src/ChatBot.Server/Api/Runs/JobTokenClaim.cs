namespace ChatBot.Server.Api.Runs;

/// <summary>What a genuine job token names: one run of one workspace, and whether its hour is over.</summary>
public sealed record JobTokenClaim(string RunId, string WorkspaceId, bool Expired);
