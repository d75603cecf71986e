using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Events;

namespace OrleansCalendar.Server.Events;

/// <summary>
/// The private-target guard, in the two places it applies: when an endpoint URL is saved (https, and every address
/// its host resolves to is public), and when a delivery connects (the address actually connected to is public, so a
/// host that later resolves elsewhere, DNS rebinding, is refused too). <c>Events__AllowPrivateTargets</c> turns both off.
/// </summary>
public sealed class WebhookTargetPolicy(IOptions<EventOptions> options)
{
    private bool AllowPrivate => options.Value.AllowPrivateTargets;

    /// <summary>The URL to store, or 422 <c>endpoint-not-allowed</c> (400 for something that is not an http(s) URL at all).</summary>
    public async Task<Uri> CheckUrlAsync(string field, string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || url.Length > 2000)
        {
            throw CalendarException.InvalidField(field, "must be an absolute https URL of at most 2000 characters.");
        }

        if (AllowPrivate)
        {
            return uri;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw NotAllowed("Webhook endpoints must use https.");
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            throw NotAllowed($"'{uri.Host}' does not resolve to an address.");
        }

        if (addresses.Length == 0 || addresses.Any(a => !TargetAddresses.IsPublic(a)))
        {
            throw NotAllowed($"'{uri.Host}' resolves to an address webhooks may not be sent to (loopback, private, link-local or reserved).");
        }

        return uri;
    }

    /// <summary>
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host and connects only to a public address of it;
    /// with private targets allowed, to any.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = AllowPrivate ? addresses : addresses.Where(TargetAddresses.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"Refused: '{endpoint.Host}' resolves only to addresses webhooks may not be sent to.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static CalendarException NotAllowed(string message) =>
        CalendarException.Unprocessable(ErrorCodes.EndpointNotAllowed, message);
}
