using Microsoft.AspNetCore.Authorization;

namespace ChatBot.Server.Auth;

/// <summary>
/// A token of the workspace the URL names (if it names one), with <see cref="Scope"/> (null: any), within the
/// token's request rate. A job token's reads count against its run.
/// </summary>
public sealed record TokenRequirement(string? Scope) : IAuthorizationRequirement;
