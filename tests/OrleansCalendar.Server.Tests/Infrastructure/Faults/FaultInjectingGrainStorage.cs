using Orleans.Storage;

namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>The server's real grain storage, with the writes <see cref="StorageFaults"/> chooses failing.</summary>
internal sealed class FaultInjectingGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        faults.CheckRead();
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ChangeAsync(new WriteTarget(stateName, grainId.ToString()), () => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ChangeAsync(new WriteTarget(stateName, grainId.ToString()), () => inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task ChangeAsync(WriteTarget target, Func<Task> change)
    {
        var fault = faults.OnWrite(target);
        if (fault == FaultKind.BeforeWrite)
        {
            throw new InjectedStorageException($"Injected fault: the write of {target} did not reach storage.");
        }

        await faults.HeldAsync(target);
        await change();
        if (fault == FaultKind.AfterWrite)
        {
            throw new InjectedStorageException($"Injected fault: the write of {target} reached storage, but its answer was lost.");
        }
    }
}
