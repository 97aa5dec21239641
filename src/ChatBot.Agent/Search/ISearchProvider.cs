namespace ChatBot.Agent.Search;

/// <summary>A web search engine. Registered only when <c>Search__Provider</c> names one.</summary>
public interface ISearchProvider
{
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int count, CancellationToken ct);
}
