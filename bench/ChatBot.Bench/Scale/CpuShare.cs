namespace ChatBot.Bench.Scale;

/// <summary>CPU time our server and PostgreSQL spent over a wall-clock span, and each as a share of all the cores.</summary>
internal sealed record CpuShare(TimeSpan Server, TimeSpan Postgres, TimeSpan Wall)
{
    public double ServerBusy => Server / (Wall * Environment.ProcessorCount);

    public double PostgresBusy => Postgres / (Wall * Environment.ProcessorCount);
}
