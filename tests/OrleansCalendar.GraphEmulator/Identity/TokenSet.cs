using System.Text.Json.Serialization;

namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>Tokens as the token endpoint returns them.</summary>
public sealed record TokenSet(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
