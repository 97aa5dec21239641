namespace ChatBot.Bench;

/// <summary>One closed-loop load phase: answers by outcome, throughput of accepted requests, latency percentiles.</summary>
internal sealed record LoadFigures(int Accepted, int Refused, double PerSecond, double P50, double P99);
