using ChatBot.Server.Api.Runs;

namespace ChatBot.Server.Api.Trigger;

/// <summary>What both trigger dialects' handlers use, bound as one parameter.</summary>
public readonly record struct TriggerServices(HttpContext Http, RunTriggers Triggers, JobTokens JobTokens);
