using System.Net;
using System.Text.Json;

namespace OrleansCalendar.GraphEmulator.Tests.Support;

/// <summary>A token endpoint answer: status and JSON body.</summary>
internal sealed record TokenResponse(HttpStatusCode StatusCode, JsonElement Body)
{
    public string? Text(string name) =>
        Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
