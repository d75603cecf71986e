using System.Text.Json;

namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>Reads a JSON request body, failing like Graph when it is not JSON.</summary>
internal static class GraphRequestBody
{
    public static async Task<JsonElement> ReadAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new GraphErrorException(400, "BadRequest",
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        }
    }
}
