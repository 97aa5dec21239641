using DiffPlex;
using DiffPlex.Model;

namespace ChatBot.Agent.Monitors;

/// <summary>The material lines added and removed between two snapshots of a page (DiffPlex line diff).</summary>
public sealed record PageChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    public bool IsMaterial => Added.Count > 0 || Removed.Count > 0;

    public static PageChange Between(string before, string after)
    {
        var diff = Differ.Instance.CreateLineDiffs(before, after, ignoreWhitespace: true);
        var added = new List<string>();
        var removed = new List<string>();
        foreach (var block in diff.DiffBlocks)
        {
            var gone = Lines(diff.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            var come = Lines(diff.PiecesNew, block.InsertStartB, block.InsertCountB);
            // A replaced line that differs only in dates, times or counters is not a change.
            var goneMasked = gone.Select(MaterialText.Mask).ToList();
            var comeMasked = come.Select(MaterialText.Mask).ToList();
            added.AddRange(come.Where((_, i) => !goneMasked.Contains(comeMasked[i])).Where(l => l.Trim().Length > 0));
            removed.AddRange(gone.Where((_, i) => !comeMasked.Contains(goneMasked[i])).Where(l => l.Trim().Length > 0));
        }
        return new PageChange(added, removed);
    }

    private static List<string> Lines(IReadOnlyList<string> pieces, int start, int count) =>
        Enumerable.Range(start, count).Where(i => i < pieces.Count).Select(i => pieces[i]).ToList();
}
