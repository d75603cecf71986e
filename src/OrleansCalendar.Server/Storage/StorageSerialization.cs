using Orleans.Serialization;
using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Server.Storage;

public static class StorageSerialization
{
    /// <summary>
    /// Makes every grain state that can be written readable again (<see cref="CollectionExpressionBinder"/>), and
    /// writes events and deliveries once each however often the states holding them are written
    /// (<see cref="WrittenOnceJsonConverter{T}"/>).
    /// </summary>
    /// <remarks>Registered after Orleans' own defaults, whose binder it wraps.</remarks>
    public static IServiceCollection AddReadableGrainState(this IServiceCollection services) =>
        services.PostConfigure<OrleansJsonSerializerOptions>(o =>
        {
            var settings = o.JsonSerializerSettings;
            settings.SerializationBinder = new CollectionExpressionBinder(settings.SerializationBinder!);

            // Events first: a delivery's own JSON then takes its event's.
            settings.Converters.Add(new WrittenOnceJsonConverter<CalendarEvent>(settings));
            settings.Converters.Add(new WrittenOnceJsonConverter<WebhookDelivery>(settings));
        });
}
