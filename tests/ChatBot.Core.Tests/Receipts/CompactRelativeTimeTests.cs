using ChatBot.Core.Receipts;

namespace ChatBot.Core.Tests.Receipts;

public sealed class CompactRelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "0s ago")]
    [InlineData(59, "59s ago")]
    [InlineData(60, "1m ago")]
    [InlineData(3599, "59m ago")]
    [InlineData(7200, "2h ago")]
    [InlineData(172800, "2d ago")]
    [InlineData(-5, "0s ago")]
    public void Formats_ages_compactly(int secondsAgo, string expected) =>
        Assert.Equal(expected, CompactRelativeTime.Format(Now.AddSeconds(-secondsAgo), Now));
}
