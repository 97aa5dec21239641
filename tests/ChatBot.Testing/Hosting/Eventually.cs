namespace ChatBot.Testing.Hosting;

/// <summary>Polls a condition until it holds; the deadline only bounds a hung test, it measures nothing.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? deadline = null, string what = "the awaited state")
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(45));
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Never reached {what}.");
            await Task.Delay(200);
        }
    }
}
