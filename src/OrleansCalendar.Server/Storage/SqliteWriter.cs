using System.Collections.Concurrent;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// The one writer of the embedded SQLite database, shared by every storage provider on it (<see cref="SqliteWriteGate"/>):
/// a thread of its own runs the writes one after another, each in the execution context of the grain that asked for
/// it. The database does the rest synchronously, so the thread never idles between two queued writes. Taking turns on
/// the thread pool instead left the database idle at every hand-over while the next writer's continuation waited
/// behind the queued HTTP and grain work, which is what capped bookings under load.
/// </summary>
public sealed class SqliteWriter : IDisposable
{
    private readonly BlockingCollection<Write> _queue = [];
    private readonly Thread _thread;

    public SqliteWriter()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite writer" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="write"/> when no other write of this process runs.</summary>
    public Task InTurnAsync(Func<Task> write)
    {
        var queued = new Write(write, ExecutionContext.Capture());
        _queue.Add(queued);
        return queued.Done.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    private void Run()
    {
        foreach (var write in _queue.GetConsumingEnumerable())
        {
            write.Run();
        }
    }

    private sealed class Write(Func<Task> write, ExecutionContext? context)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run()
        {
            try
            {
                // Blocking is what this thread is for; Microsoft.Data.Sqlite completes its "async" calls synchronously.
                var task = context is null ? write() : Within(context, write);
                task.GetAwaiter().GetResult();
                Done.SetResult();
            }
            catch (Exception e)
            {
                Done.SetException(e);
            }
        }

        private static Task Within(ExecutionContext context, Func<Task> write)
        {
            Task? started = null;
            ExecutionContext.Run(context, _ => started = write(), null);
            return started!;
        }
    }
}
