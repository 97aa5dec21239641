using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatBot.Persistence;

/// <summary>
/// Many new rows of one entity type in one <c>INSERT … VALUES (…), (…)</c> statement, with the columns, value
/// conversions and parameter types of the EF model, but no change tracking: the group-commit writer stores a whole
/// batch of requests' rows with one statement per table. The same SQL runs on PostgreSQL and SQLite (both know
/// <c>ON CONFLICT … DO NOTHING RETURNING</c>).
/// </summary>
public sealed class MultiRowInsert
{
    private static readonly ConcurrentDictionary<(Type Context, Type Entity), MultiRowInsert> Cache = new();

    private readonly string _head;
    private readonly IProperty[] _columns;
    private readonly string _key;

    private MultiRowInsert(string head, IProperty[] columns, string key)
    {
        _head = head;
        _columns = columns;
        _key = key;
    }

    /// <summary>The statement shape for <typeparamref name="T"/> in <paramref name="db"/>'s model, worked out once per context type.</summary>
    public static MultiRowInsert For<T>(DbContext db) where T : class =>
        Cache.GetOrAdd((db.GetType(), typeof(T)), _ => Build(db, db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.")));

    private static MultiRowInsert Build(DbContext db, IEntityType entity)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();
        if (columns.Any(p => p.IsShadowProperty()))
            throw new InvalidOperationException($"{entity.DisplayName()} has shadow properties; a multi-row insert cannot read them.");
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!;
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        return new MultiRowInsert(head, columns, sql.DelimitIdentifier(key));
    }

    /// <summary>Inserts every row; any conflict fails the statement (and so the caller's transaction).</summary>
    public async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        await using var command = Command(db, rows, "");
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Inserts the rows whose key is not taken yet and returns the keys it inserted (a taken key is skipped, not an error).</summary>
    public async Task<HashSet<string>> InsertNewAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        if (rows.Count == 0) return inserted;
        await using var command = Command(db, rows, $" ON CONFLICT ({_key}) DO NOTHING RETURNING {_key}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) inserted.Add(reader.GetString(0));
        return inserted;
    }

    private DbCommand Command<T>(DbContext db, IReadOnlyCollection<T> rows, string tail) where T : class
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder(_head, _head.Length + rows.Count * _columns.Length * 6 + tail.Length);
        var n = 0;
        foreach (var row in rows)
        {
            text.Append(n == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var name = "p" + n++;
                if (c > 0) text.Append(", ");
                text.Append('@').Append(name);
                var column = _columns[c];
                // The type mapping applies the model's conversion (JSON text, SQLite's DateTimeOffset as ticks, enums as text).
                command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, name, column.GetGetter().GetClrValue(row), column.IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.Append(tail).ToString();
        return command;
    }
}
