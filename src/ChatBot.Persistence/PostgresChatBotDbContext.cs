using Microsoft.EntityFrameworkCore;

namespace ChatBot.Persistence;

public sealed class PostgresChatBotDbContext(DbContextOptions<PostgresChatBotDbContext> options) : ChatBotDbContext(options);
