namespace ChatBot.Bench.Scale;

/// <summary>Fires due in the window, how many recorded their check, and the lag from slot to recorded check (ms).</summary>
internal sealed record FireLag(int Due, int Recorded, TimeSpan Window, double P50, double P99, double Max);
