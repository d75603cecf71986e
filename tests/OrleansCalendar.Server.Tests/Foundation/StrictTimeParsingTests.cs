using System.Text.Json;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Tests.Foundation;

public sealed class StrictTimeParsingTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    [Theory]
    [InlineData("2026-12-01T09:00:00-05:00", "2026-12-01T14:00:00Z")]
    [InlineData("2026-12-01T14:00:00Z", "2026-12-01T14:00:00Z")]
    [InlineData("2026-12-01T14:00:00.5+01:00", "2026-12-01T13:00:00.5Z")]
    [InlineData("2026-12-01T14:00+00:00", "2026-12-01T14:00:00Z")]
    public void Times_with_an_offset_are_accepted(string input, string expectedUtc)
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>($"\"{input}\"", Options);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("\"2026-12-01T09:00:00\"")]
    [InlineData("\"2026-12-01\"")]
    [InlineData("\"12/01/2026 09:00 -05:00\"")]
    [InlineData("\"tomorrow\"")]
    [InlineData("1733043600")]
    public void Times_without_an_offset_are_rejected(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        JsonSetup.Configure(options);
        return options;
    }
}
