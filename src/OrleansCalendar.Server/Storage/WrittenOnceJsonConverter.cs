using System.Runtime.CompilerServices;
using Newtonsoft.Json;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// Stores each instance of an immutable type as JSON made once per instance. Events and webhook deliveries never
/// change after they are made (a change makes a new instance), yet they sit in states rewritten whole on every write:
/// an event in its sub-account's outbox and then in each subscribed endpoint's delivery queue, a delivery in the queue
/// and then on its log page. Under booking load those writes serialized the same objects again and again, a quarter of
/// the server's CPU. Nothing inside them is shared, so they are written without reference ids, which also makes them
/// smaller; anything the storage serializer can read (type names, reference ids) is read.
/// </summary>
/// <remarks>Built from the storage settings as they are before it is added to them (with the converters added earlier).</remarks>
internal sealed class WrittenOnceJsonConverter<T>(JsonSerializerSettings storageSettings) : JsonConverter<T>
    where T : class
{
    private readonly ConditionalWeakTable<T, string> _written = [];
    private readonly JsonSerializer _inner = JsonSerializer.Create(new JsonSerializerSettings(storageSettings)
    {
        Converters = [.. storageSettings.Converters],
        PreserveReferencesHandling = PreserveReferencesHandling.None,
        TypeNameHandling = TypeNameHandling.Auto,
        Formatting = Formatting.None,
    });

    public override void WriteJson(JsonWriter writer, T? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteRawValue(_written.GetValue(value, Json));
    }

    public override T? ReadJson(JsonReader reader, Type objectType, T? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        _inner.Deserialize<T>(reader);

    private string Json(T value)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _inner.Serialize(text, value, typeof(T));
        return text.ToString();
    }
}
