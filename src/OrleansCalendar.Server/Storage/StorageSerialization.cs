using Orleans.Serialization;

namespace OrleansCalendar.Server.Storage;

public static class StorageSerialization
{
    /// <summary>
    /// Makes every grain state that can be written readable again (<see cref="CollectionExpressionBinder"/>), and
    /// writes events once each however often the states holding them are written (<see cref="CalendarEventJsonConverter"/>).
    /// </summary>
    /// <remarks>Registered after Orleans' own defaults, whose binder it wraps.</remarks>
    public static IServiceCollection AddReadableGrainState(this IServiceCollection services) =>
        services.PostConfigure<OrleansJsonSerializerOptions>(o =>
        {
            var settings = o.JsonSerializerSettings;
            settings.SerializationBinder = new CollectionExpressionBinder(settings.SerializationBinder!);
            settings.Converters.Add(new CalendarEventJsonConverter(settings));
        });
}
