using Orleans.Serialization;

namespace OrleansCalendar.Server.Storage;

public static class StorageSerialization
{
    /// <summary>Makes every grain state that can be written readable again (<see cref="CollectionExpressionBinder"/>).</summary>
    /// <remarks>Registered after Orleans' own defaults, whose binder it wraps.</remarks>
    public static IServiceCollection AddReadableGrainState(this IServiceCollection services) =>
        services.PostConfigure<OrleansJsonSerializerOptions>(o =>
            o.JsonSerializerSettings.SerializationBinder = new CollectionExpressionBinder(o.JsonSerializerSettings.SerializationBinder!));
}
