namespace OrleansCalendar.Grains.Events;

/// <summary>
/// Group commit for a grain's storage writes: a caller that asks while a write is in flight waits for the next one,
/// which starts when the current one ends and covers every caller that arrived meanwhile. So a burst of N changes costs
/// about two writes, not N, and no two writes of the same state ever overlap. Meant for a reentrant grain: callers
/// change memory, then await <see cref="WriteAsync"/>; all of it runs on the grain's single-threaded scheduler.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private TaskCompletionSource? _next;
    private bool _writing;

    /// <summary>Completes when a write that started after this call has stored the state (or fails with that write).</summary>
    public Task WriteAsync()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = _next.Task;
        if (!_writing)
        {
            _ = DrainAsync();
        }

        return mine;
    }

    private async Task DrainAsync()
    {
        _writing = true;
        try
        {
            while (_next is { } batch)
            {
                _next = null;
                try
                {
                    await write();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
