using Microsoft.AspNetCore.Http.Features;

namespace ChatBot.Testing.Slack;

/// <summary>Kestrel's HTTP/1.1 upgrade, handing the WebSocket middleware a transport the double can silence.</summary>
public sealed class SilenceableUpgrade(IHttpUpgradeFeature inner) : IHttpUpgradeFeature
{
    public SilenceableStream? Stream { get; private set; }

    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync()
    {
        Stream = new SilenceableStream(await inner.UpgradeAsync());
        return Stream;
    }
}
