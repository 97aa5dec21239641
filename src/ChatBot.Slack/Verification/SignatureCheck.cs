namespace ChatBot.Slack.Verification;

/// <summary>Why a request was or was not accepted; logged, never echoed in detail to the caller.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Mismatch,
}
