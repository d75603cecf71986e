namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>
/// Drives an operation over every write it makes: a dry run counts the writes (those <c>writes</c> selects) of the
/// operation and of the background work it causes until <c>idle</c> returns; then each case fails one of them, before
/// and after it reached storage. Up to the failing write a case does what the dry run did, so each case fails exactly
/// the one write it names, if it makes that many. After it, <c>retry</c> is the client's retry (and the wait for what follows it), and <c>check</c>, run
/// once faults are off again, is what must hold.
/// </summary>
public static class WriteFaultSweep
{
    private static readonly FaultKind[] Kinds = [FaultKind.BeforeWrite, FaultKind.AfterWrite];

    public static async Task<SweepResult<T>> RunAsync<T>(
        StorageFaults faults,
        Func<WriteTarget, bool> writes,
        Func<Task<T>> arrange,
        Func<T, Task> operation,
        Func<T, Task> idle,
        Func<T, Task> retry,
        Func<T, Task> check)
    {
        var dry = await arrange();
        faults.Count(writes);
        await operation(dry);
        await idle(dry);
        var positions = faults.Writes.Select(w => w.StateName).ToList();
        faults.Reset();
        Assert.NotEmpty(positions);
        await check(dry);

        var cases = new List<T> { dry };
        var missed = new List<string>();
        foreach (var kind in Kinds)
        {
            for (var n = 1; n <= positions.Count; n++)
            {
                var current = await arrange();
                faults.FailNth(n, kind, writes);
                await operation(current);
                await idle(current);
                // Background work may take one write more or less from run to run (a message racing a timer): a
                // position a run never reached did not exist in it.
                if (faults.Injected != 1 && faults.Writes.Count >= n)
                {
                    missed.Add($"{kind} #{n}: {faults.Injected} failures, writes {string.Join(", ", faults.Writes.Select(w => w.StateName))}");
                }

                faults.Reset();
                await retry(current);
                await check(current);
                cases.Add(current);
            }
        }

        return new SweepResult<T>(cases, positions, missed);
    }
}

/// <summary>The cases a sweep ran (the dry run first), the writes it found, and the cases that did not fail exactly one write.</summary>
public sealed record SweepResult<T>(IReadOnlyList<T> Cases, IReadOnlyList<string> Positions, IReadOnlyList<string> Missed)
{
    /// <summary>Every write position was failed, once before and once after it reached storage.</summary>
    public void AssertEveryPositionFailed() =>
        Assert.True(Missed.Count == 0, $"Over the writes {string.Join(", ", Positions)}: {string.Join("; ", Missed)}");
}
