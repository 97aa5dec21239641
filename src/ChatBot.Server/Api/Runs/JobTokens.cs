using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ChatBot.Server.Api.Runs;

/// <summary>
/// Signed, expiring tokens that authorize reading one run (the pull half of the trigger API). Protected with
/// Data Protection, whose keys live in the shared database, so any node can verify a token another issued.
/// </summary>
public sealed class JobTokens(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("ChatBot.JobToken.v1");

    public string Issue(string runId, string workspaceId) =>
        _protector.Protect(string.Join('|', runId, workspaceId, (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    /// <summary>What a genuine token says (its run, its workspace, whether it has expired), or null for any other string.</summary>
    public JobTokenClaim? Read(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(presented);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires)) return null;
        return new JobTokenClaim(parts[0], parts[1], time.GetUtcNow().ToUnixTimeSeconds() >= expires);
    }

    public JobTokenCheck Check(string? presented, string runId) => Read(presented) switch
    {
        null => JobTokenCheck.Invalid,
        { RunId: var other } when other != runId => JobTokenCheck.OtherRun,
        { Expired: true } => JobTokenCheck.Expired,
        _ => JobTokenCheck.Valid,
    };
}
