namespace ChatBot.Jobs.Application.Monitors;

/// <summary>The life-cycle moves a person, an API client or an operator can ask of a monitor.</summary>
public enum MonitorChange
{
    Pause,
    Resume,
    Cancel,
    /// <summary>Cancel and hide from every API.</summary>
    Delete,
}
