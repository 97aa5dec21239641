namespace ChatBot.Persistence;

/// <summary>Bound from <c>Storage</c> and <c>ConnectionStrings:ChatBot</c> (CONFIG.md).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "ChatBot";
    public const string DefaultSqliteConnectionString = "Data Source=chatbot.db";

    /// <summary><c>sqlite</c> (embedded, one file) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase);
}
