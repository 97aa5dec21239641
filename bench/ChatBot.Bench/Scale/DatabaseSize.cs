namespace ChatBot.Bench.Scale;

/// <summary>Bytes on disk: the whole database, and the relations that grow with monitors (tables with their indexes and TOAST).</summary>
internal sealed record DatabaseSize(long Total, long Monitors, long MonitorEvents, long JobStore);
