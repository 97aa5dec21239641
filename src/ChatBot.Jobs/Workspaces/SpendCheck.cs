namespace ChatBot.Jobs.Workspaces;

public sealed record SpendCheck(bool Allowed, int SpentThisMonth, int? Cap, DateTimeOffset ResetsAt)
{
    public string Explanation =>
        $"This workspace has used {SpentThisMonth} of its {Cap} monthly credits. New runs start again on {ResetsAt:yyyy-MM-dd} (UTC), or an admin can raise the cap.";
}
