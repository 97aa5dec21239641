namespace ChatBot.Jobs.Runs;

/// <summary>
/// The credits a run is expected to cost, shown before it starts (trigger API, approval requests). A rough
/// figure from the request's size; the receipt shows what was actually used.
/// </summary>
public sealed class RunEstimator
{
    private const int BaseCredits = 40;
    private const int CreditsPer100Characters = 2;

    public int Estimate(string request) => BaseCredits + request.Length / 100 * CreditsPer100Characters;
}
