namespace ChatBot.Jobs.Scheduling.Queue;

/// <summary>The PostgreSQL channel an enqueue notifies and every node's listener waits on.</summary>
internal static class JobQueueNotifications
{
    public const string Channel = "chatbot_job_queued";
}
