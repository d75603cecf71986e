using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>
/// Builds JWT-shaped tokens. Nothing verifies their signatures: the emulator recognises its own
/// tokens by lookup, and clients must treat Graph access tokens as opaque anyway.
/// </summary>
internal static class JwtShape
{
    public static string Create(JsonObject payload, bool signed)
    {
        var header = new JsonObject
        {
            ["typ"] = "JWT",
            ["alg"] = signed ? "RS256" : "none",
        };
        if (signed)
        {
            header["kid"] = "graph-emulator";
        }

        var signature = signed ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(64)) : string.Empty;
        return Segment(header) + "." + Segment(payload) + "." + signature;
    }

    public static long Epoch(DateTimeOffset value) => value.ToUnixTimeSeconds();

    private static string Segment(JsonNode node) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
