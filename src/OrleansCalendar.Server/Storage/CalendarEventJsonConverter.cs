using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// Stores each <see cref="CalendarEvent"/> as JSON made once per event. Events are immutable, and one sits in its
/// sub-account's outbox and then in each subscribed endpoint's delivery queue, states rewritten whole on every write;
/// under booking load those writes serialized the same events again and again, a quarter of the server's CPU. Inside
/// an event nothing is shared, so it is written without reference ids, which also makes it smaller; anything the
/// storage serializer can read (type names included) is read.
/// </summary>
internal sealed class CalendarEventJsonConverter(JsonSerializerSettings storageSettings) : JsonConverter<CalendarEvent>
{
    private readonly ConditionalWeakTable<CalendarEvent, string> _written = [];
    private readonly JsonSerializer _inner = JsonSerializer.Create(new JsonSerializerSettings(storageSettings)
    {
        // The storage settings' converters, this one excepted (taken before it is added).
        Converters = [.. storageSettings.Converters],
        PreserveReferencesHandling = PreserveReferencesHandling.None,
        TypeNameHandling = TypeNameHandling.Auto,
        Formatting = Formatting.None,
    });

    public override void WriteJson(JsonWriter writer, CalendarEvent? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteRawValue(_written.GetValue(value, Json));
    }

    public override CalendarEvent? ReadJson(JsonReader reader, Type objectType, CalendarEvent? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        _inner.Deserialize<CalendarEvent>(reader);

    private string Json(CalendarEvent value)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _inner.Serialize(text, value, typeof(CalendarEvent));
        return text.ToString();
    }
}
