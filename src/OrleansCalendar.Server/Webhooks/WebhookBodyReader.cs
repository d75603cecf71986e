using System.Text.Json;
using OrleansCalendar.Abstractions.Errors;

namespace OrleansCalendar.Server.Webhooks;

/// <summary>
/// Reads a Graph notification body (<c>{"value": [ ... ]}</c>) with a hard size cap. Every item is checked
/// before any is routed, so a malformed body changes nothing.
/// </summary>
internal static class WebhookBodyReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    private const int MaxSubscriptionIdLength = 128;

    /// <summary>The body's bytes, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<byte[]?> ReadCappedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The items, or the problem (code and message) that makes the body unusable.</summary>
    public static (IReadOnlyList<WebhookNotification> Items, string? Code, string? Error) Parse(byte[] body, bool lifecycle)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return ([], ErrorCodes.MalformedJson, "The body is not JSON: " + e.Message);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("value", out var value)
                || value.ValueKind != JsonValueKind.Array
                || value.GetArrayLength() == 0)
            {
                return ([], ErrorCodes.InvalidNotification, "Expected an object with a non-empty 'value' array of notifications.");
            }

            var items = new List<WebhookNotification>(value.GetArrayLength());
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (Read(item, lifecycle) is not { } notification)
                {
                    var expected = lifecycle ? "'subscriptionId' and 'lifecycleEvent'" : "'subscriptionId' and 'changeType'";
                    return ([], ErrorCodes.InvalidNotification, $"value[{index}] must be an object with {expected} strings and an optional 'clientState' string.");
                }

                items.Add(notification);
                index++;
            }

            return (items, null, null);
        }
    }

    private static WebhookNotification? Read(JsonElement item, bool lifecycle)
    {
        if (item.ValueKind != JsonValueKind.Object
            || Text(item, "subscriptionId") is not { Length: > 0 and <= MaxSubscriptionIdLength } subscriptionId
            || !OptionalText(item, "clientState", out var clientState))
        {
            return null;
        }

        if (lifecycle)
        {
            return Text(item, "lifecycleEvent") is { Length: > 0 } lifecycleEvent ? new WebhookNotification(subscriptionId, clientState, lifecycleEvent) : null;
        }

        return Text(item, "changeType") is { Length: > 0 } ? new WebhookNotification(subscriptionId, clientState, null) : null;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool OptionalText(JsonElement item, string name, out string? text)
    {
        text = null;
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return value.ValueKind == JsonValueKind.String;
    }
}
