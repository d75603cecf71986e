using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>Wraps the grain storage the server registered (whichever provider) with <see cref="FaultInjectingGrainStorage"/>.</summary>
internal static class StorageFaultsSetup
{
    public static void Install(IServiceCollection services, StorageFaults faults)
    {
        var registered = services.Last(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, StorageNames.Default));
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException("The grain storage is expected to be registered through a factory.");
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (sp, key) => new FaultInjectingGrainStorage((IGrainStorage)create(sp, key), faults));
    }
}
