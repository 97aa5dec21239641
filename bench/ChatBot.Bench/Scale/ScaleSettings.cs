namespace ChatBot.Bench.Scale;

/// <param name="Window">How long the hourly fires are watched, in real time.</param>
/// <param name="Grace">How long after the window a fire due at its end may still record its check.</param>
/// <param name="DrainTimeout">How long to wait for every new monitor's first check before measuring fires anyway.</param>
internal sealed record ScaleSettings(int Monitors, int Concurrency, TimeSpan Window, TimeSpan Grace, TimeSpan DrainTimeout);
