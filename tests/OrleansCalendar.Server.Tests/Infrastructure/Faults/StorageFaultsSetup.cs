using Microsoft.Extensions.DependencyInjection;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>Wraps the grain storage the server registered (whichever provider) with <see cref="FaultInjectingGrainStorage"/>.</summary>
internal static class StorageFaultsSetup
{
    public static void Install(IServiceCollection services, StorageFaults faults) =>
        services.DecorateGrainStorage(StorageNames.Default, storage => new FaultInjectingGrainStorage(storage, faults));
}
