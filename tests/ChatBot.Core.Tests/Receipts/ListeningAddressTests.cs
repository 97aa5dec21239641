using ChatBot.Core.Receipts;

namespace ChatBot.Core.Tests.Receipts;

/// <summary>Without Receipts__PublicBaseUrl, links point where the server really listens; wildcards become the host name.</summary>
public sealed class ListeningAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:51234", "http://127.0.0.1:51234", false)]
    [InlineData("https://localhost:7443/", "https://localhost:7443", false)]
    [InlineData("http://[::1]:5000", "http://[::1]:5000", false)]
    [InlineData("http://0.0.0.0:8080", "http://buildhost:8080", true)]
    [InlineData("http://[::]:8080", "http://buildhost:8080", true)]
    [InlineData("http://*:3978", "http://buildhost:3978", true)]
    [InlineData("http://+:80", "http://buildhost:80", true)]
    public void The_first_address_with_its_real_port_is_the_base(string address, string expected, bool wildcard)
    {
        var resolved = ListeningAddress.From([address, "http://10.0.0.1:1"], "buildhost");

        Assert.Equal(new ListeningAddress.Resolved(expected, wildcard), resolved);
    }

    [Fact]
    public void Links_use_the_listening_address_until_a_public_url_is_configured()
    {
        var options = new ReceiptOptions();
        Assert.Equal($"{ReceiptOptions.UnstartedBaseUrl}/runs/run_1", options.RunDetailsUrl("run_1"));

        options.UseListeningAddress("http://127.0.0.1:51234/");
        Assert.Equal("http://127.0.0.1:51234/runs/run_1", options.RunDetailsUrl("run_1"));

        options.PublicBaseUrl = "https://bot.example.com/";
        Assert.Equal("https://bot.example.com/runs/run_1", options.RunDetailsUrl("run_1"));
    }

    [Fact]
    public void No_address_means_no_default()
    {
        Assert.Null(ListeningAddress.From([], "buildhost"));
    }
}
