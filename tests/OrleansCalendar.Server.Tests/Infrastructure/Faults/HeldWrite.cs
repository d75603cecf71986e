namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>
/// One write held before it reaches storage (<see cref="StorageFaults.HoldNext"/>): a storage that is slow for it, to
/// show what waits behind it and what happens meanwhile, until the test lets it go on or fail.
/// </summary>
public sealed class HeldWrite
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _taken;

    /// <summary>Completes when the write has arrived and waits.</summary>
    public Task Reached => _reached.Task;

    internal Task Released => _released.Task;

    /// <summary>Lets the write go on to storage.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Fails the write without it reaching storage (storage down).</summary>
    public void Fail() => _released.TrySetException(new InjectedStorageException("Injected fault: the held write did not reach storage."));

    /// <summary>Whether this write is the one held: only the first that arrives.</summary>
    internal bool TryTake()
    {
        if (Interlocked.Exchange(ref _taken, 1) != 0)
        {
            return false;
        }

        _reached.TrySetResult();
        return true;
    }
}
