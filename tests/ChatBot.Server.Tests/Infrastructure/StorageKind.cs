namespace ChatBot.Server.Tests.Infrastructure;

public enum StorageKind
{
    Sqlite,
    Postgres,
}
