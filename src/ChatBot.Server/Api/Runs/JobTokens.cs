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

    public JobTokenCheck Check(string? presented, string runId)
    {
        if (string.IsNullOrEmpty(presented)) return JobTokenCheck.Invalid;
        string payload;
        try
        {
            payload = _protector.Unprotect(presented);
        }
        catch (CryptographicException)
        {
            return JobTokenCheck.Invalid;
        }
        var parts = payload.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires)) return JobTokenCheck.Invalid;
        if (parts[0] != runId) return JobTokenCheck.OtherRun;
        return time.GetUtcNow().ToUnixTimeSeconds() >= expires ? JobTokenCheck.Expired : JobTokenCheck.Valid;
    }
}
