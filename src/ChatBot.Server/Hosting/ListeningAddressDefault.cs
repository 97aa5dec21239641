using System.Net;
using ChatBot.Core.Receipts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Hosting;

/// <summary>
/// Once the server listens, points the receipts' links at its first address (with the real port) unless
/// <c>Receipts__PublicBaseUrl</c> is set. A wildcard address gets the machine's host name and one warning.
/// </summary>
public sealed class ListeningAddressDefault(IServer server, IHostApplicationLifetime lifetime, IOptions<ReceiptOptions> options,
    ILogger<ListeningAddressDefault> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Apply);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Apply()
    {
        var receipts = options.Value;
        if (receipts.PublicBaseUrl is { Length: > 0 }) return;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (ListeningAddress.From(addresses, Dns.GetHostName()) is not { } resolved) return;
        receipts.UseListeningAddress(resolved.BaseUrl);
        if (resolved.WasWildcard)
            logger.LogWarning("Receipt links use {BaseUrl}: the server listens on every interface, so set Receipts__PublicBaseUrl to the address people open", resolved.BaseUrl);
        else
            logger.LogInformation("Receipt links use {BaseUrl}, where the server listens; set Receipts__PublicBaseUrl to change it", resolved.BaseUrl);
    }
}
