namespace ChatBot.Jobs.Runs;

public enum RunClaim
{
    Claimed,
    /// <summary>The workspace runs as many as its cap allows; try again when a slot frees.</summary>
    WorkspaceFull,
    /// <summary>Another job, a cancel or a decision moved the run first.</summary>
    Lost,
}
