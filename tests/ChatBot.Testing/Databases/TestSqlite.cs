namespace ChatBot.Testing.Databases;

/// <summary>A fresh SQLite file per test class, removed with its directory afterwards.</summary>
public sealed class TestSqlite : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chatbot-sqlite-").FullName;

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "chatbot.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
