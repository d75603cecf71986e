using Orleans.Storage;

namespace OrleansCalendar.Server.Storage;

/// <summary>Wraps a registered grain storage provider, keeping its place in the silo's lifecycle.</summary>
public static class GrainStorageDecorators
{
    /// <summary>
    /// Replaces the grain storage registered under <paramref name="name"/> by <paramref name="decorate"/> of it. The
    /// decorator must forward <see cref="ILifecycleParticipant{ISiloLifecycle}"/> to the storage it wraps: Orleans
    /// initializes providers through the service registered under the name.
    /// </summary>
    public static IServiceCollection DecorateGrainStorage(this IServiceCollection services, string name, Func<IGrainStorage, IGrainStorage> decorate) =>
        services.DecorateGrainStorage(name, (_, storage) => decorate(storage));

    /// <inheritdoc cref="DecorateGrainStorage(IServiceCollection, string, Func{IGrainStorage, IGrainStorage})"/>
    public static IServiceCollection DecorateGrainStorage(this IServiceCollection services, string name, Func<IServiceProvider, IGrainStorage, IGrainStorage> decorate)
    {
        var registered = services.Last(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, name));
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"The grain storage '{name}' is expected to be registered through a factory.");
        return services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => decorate(sp, (IGrainStorage)create(sp, key)));
    }
}
