namespace OrleansCalendar.Server.Storage;

/// <summary>The one writer turn of the embedded SQLite database, shared by every storage provider on it (<see cref="SqliteWriteGate"/>).</summary>
public sealed class SqliteWriter : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task InTurnAsync(Func<Task> write)
    {
        await _turn.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
