using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Grains.Availability;

/// <summary>
/// Stores a <see cref="DayPage"/> compactly. Every booking rewrites its day's page, so the page's serialization and
/// size are on every booking's path: in the storage serializer's own form (a type name and a reference id on every
/// hold and reservation, times as strings) a busy day's page took over a third of a booking's CPU and tens of
/// kilobytes of every write. Reads that form too.
/// </summary>
/// <remarks>
/// <c>{"c": [calendarIds], "h": [holds]}</c>, a hold being <c>[appointmentId, revision, calendar index, start,
/// duration, buffer before, buffer after, start's UTC offset in minutes, ignores external busy (0/1), status,
/// checkAt or null]</c>, instants in UTC ticks and spans in ticks. A reservation whose end or blocked times are not
/// in UTC (never made by this service, but kept exactly) is stored as <c>[appointmentId, revision, calendarId,
/// blockedStart, blockedEnd, start, end, ignores external busy, status, checkAt or null]</c> with round-trip strings.
/// </remarks>
public sealed class DayPageJsonConverter : JsonConverter<DayPage>
{
    private const int CompactLength = 11;

    public override void WriteJson(JsonWriter writer, DayPage? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        var calendars = value.Holds.Select(h => h.Reservation.CalendarId).Distinct(StringComparer.Ordinal).ToList();
        writer.WriteStartObject();
        writer.WritePropertyName("c");
        writer.WriteStartArray();
        foreach (var calendar in calendars)
        {
            writer.WriteValue(calendar);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("h");
        writer.WriteStartArray();
        foreach (var hold in value.Holds)
        {
            WriteHold(writer, hold, calendars.IndexOf(hold.Reservation.CalendarId));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override DayPage? ReadJson(JsonReader reader, Type objectType, DayPage? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        // Times that are strings stay strings, parsed here with their offsets, whatever the serializer's date settings.
        var dates = reader.DateParseHandling;
        reader.DateParseHandling = DateParseHandling.None;
        try
        {
            var page = JObject.Load(reader);
            if (page["h"] is JArray holds)
            {
                var calendars = page["c"]!.Select(c => (string)c!).ToList();
                return new DayPage { Holds = holds.Select(h => ReadHold((JArray)h, calendars)).ToList() };
            }

            // The storage serializer's own form, in which pages were first written.
            return new DayPage { Holds = page[nameof(DayPage.Holds)]?.ToObject<List<HoldRecord>>(serializer) ?? [] };
        }
        finally
        {
            reader.DateParseHandling = dates;
        }
    }

    private static void WriteHold(JsonWriter writer, HoldRecord hold, int calendar)
    {
        if (hold.Written is not { } written || written.Status != hold.Status || written.CheckAt != hold.CheckAt || written.Calendar != calendar)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var json = new JsonTextWriter(text))
            {
                Format(json, hold, calendar);
            }

            hold.Written = written = new WrittenHold(hold.Status, hold.CheckAt, calendar, text.ToString());
        }

        writer.WriteRawValue(written.Json);
    }

    private static void Format(JsonWriter writer, HoldRecord hold, int calendar)
    {
        var r = hold.Reservation;
        writer.WriteStartArray();
        writer.WriteValue(r.AppointmentId);
        writer.WriteValue(r.Revision);
        if (r.End.Offset == TimeSpan.Zero && r.BlockedStart.Offset == TimeSpan.Zero && r.BlockedEnd.Offset == TimeSpan.Zero)
        {
            writer.WriteValue(calendar);
            writer.WriteValue(r.Start.UtcTicks);
            writer.WriteValue((r.End - r.Start).Ticks);
            writer.WriteValue((r.Start - r.BlockedStart).Ticks);
            writer.WriteValue((r.BlockedEnd - r.End).Ticks);
            writer.WriteValue((int)r.Start.Offset.TotalMinutes);
        }
        else
        {
            writer.WriteValue(r.CalendarId);
            writer.WriteValue(r.BlockedStart.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteValue(r.BlockedEnd.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteValue(r.Start.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteValue(r.End.ToString("O", CultureInfo.InvariantCulture));
        }

        writer.WriteValue(r.IgnoresExternalBusy ? 1 : 0);
        writer.WriteValue((int)hold.Status);
        if (hold.CheckAt is { } checkAt)
        {
            writer.WriteValue(checkAt.UtcTicks);
        }
        else
        {
            writer.WriteNull();
        }

        writer.WriteEndArray();
    }

    private static HoldRecord ReadHold(JArray h, List<string> calendars)
    {
        Reservation reservation;
        if (h.Count == CompactLength)
        {
            var start = new DateTimeOffset((long)h[3], TimeSpan.Zero);
            var end = start + TimeSpan.FromTicks((long)h[4]);
            reservation = new Reservation((string)h[0]!, (int)h[1], calendars[(int)h[2]],
                start - TimeSpan.FromTicks((long)h[5]), end + TimeSpan.FromTicks((long)h[6]),
                start.ToOffset(TimeSpan.FromMinutes((int)h[7])), end, (int)h[8] == 1);
        }
        else
        {
            reservation = new Reservation((string)h[0]!, (int)h[1], (string)h[2]!, Time(h[3]), Time(h[4]), Time(h[5]), Time(h[6]), (int)h[7] == 1);
        }

        var checkAt = h[h.Count - 1];
        return new HoldRecord
        {
            Reservation = reservation,
            Status = (HoldStatus)(int)h[h.Count - 2],
            CheckAt = checkAt.Type == JTokenType.Null ? null : new DateTimeOffset((long)checkAt, TimeSpan.Zero),
        };
    }

    private static DateTimeOffset Time(JToken token) =>
        DateTimeOffset.ParseExact((string)token!, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
