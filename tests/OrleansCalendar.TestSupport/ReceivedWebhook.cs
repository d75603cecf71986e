using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OrleansCalendar.TestSupport;

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string Body, DateTimeOffset ReceivedAt)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => Json["type"]!.GetValue<string>();

    public JsonNode Data => Json["data"]!;

    /// <summary>
    /// Checks the Standard Webhooks signature with our own HMAC (not the server's signing code): <c>v1,</c> + base64
    /// HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed with the base64-decoded secret after <c>whsec_</c>.
    /// </summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }

    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, CultureInfo.InvariantCulture));
}
