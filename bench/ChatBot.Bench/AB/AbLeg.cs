using ChatBot.Bench.Ack;
using ChatBot.Bench.EndToEnd;

namespace ChatBot.Bench.AB;

/// <summary>One server's turn in the A/B order: a complete end-to-end run and a complete ack run, each on a fresh database.</summary>
internal sealed record AbLeg(int Number, AbServer Server, EndToEndResult EndToEnd, AckResult Ack);
