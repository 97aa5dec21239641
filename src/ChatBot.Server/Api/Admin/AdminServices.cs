using ChatBot.Agent.Egress;
using ChatBot.Jobs.Application.Tokens;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;

namespace ChatBot.Server.Api.Admin;

/// <summary>What the admin API's handlers use, bound as one parameter.</summary>
public readonly record struct AdminServices(HttpContext Http, ChatBotDbContext Db, TokenIssuing Tokens, EgressPolicy Egress, WorkScheduler Scheduler);
