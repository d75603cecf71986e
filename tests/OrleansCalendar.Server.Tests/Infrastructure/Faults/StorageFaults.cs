namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>
/// Decides which writes of the real grain storage fail, for a server hosted with
/// <see cref="CalendarAppFactory"/>(injectStorageFaults: true). Writes are counted among those a filter picks (by the
/// state name a grain gives its storage record, "appointment", "availability-day-…", and the grain id, which starts
/// with the grain type and holds the sub-account), so a test can first learn how many writes an operation makes and
/// then fail each of them in turn, untouched by other work in the same server.
/// </summary>
public sealed class StorageFaults
{
    private readonly Lock _gate = new();
    private readonly List<WriteTarget> _writes = [];
    private Func<WriteTarget, bool> _match = _ => true;
    private int _failAt;
    private FaultKind _kind;
    private bool _down;
    private (Func<WriteTarget, bool> Match, Task Released)? _hold;

    /// <summary>The writes (and clears) the filter picked since it was set, in order.</summary>
    public IReadOnlyList<WriteTarget> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>How many writes failed by injection since the last <see cref="Reset"/>.</summary>
    public int Injected { get; private set; }

    /// <summary>Forgets counted writes and disarms every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _writes.Clear();
            _failAt = 0;
            _down = false;
            _hold = null;
            _match = _ => true;
            Injected = 0;
        }
    }

    /// <summary>Counts writes the filter picks from now on, without failing any.</summary>
    public void Count(Func<WriteTarget, bool>? filter = null) => FailNth(0, FaultKind.BeforeWrite, filter);

    /// <summary>Fails the <paramref name="n"/>-th write (1-based) from now among those the filter picks.</summary>
    public void FailNth(int n, FaultKind kind, Func<WriteTarget, bool>? filter = null)
    {
        lock (_gate)
        {
            _writes.Clear();
            _match = filter ?? (_ => true);
            _failAt = n;
            _kind = kind;
            Injected = 0;
        }
    }

    /// <summary>Every read and write fails until <see cref="Heal"/>: storage is down.</summary>
    public void GoDown()
    {
        lock (_gate)
        {
            _down = true;
        }
    }

    public void Heal()
    {
        lock (_gate)
        {
            _down = false;
            _failAt = 0;
        }
    }

    /// <summary>Holds the next write the filter picks, before it reaches storage, until the test lets it go on or fail.</summary>
    public HeldWrite HoldNext(Func<WriteTarget, bool> filter)
    {
        var held = new HeldWrite();
        lock (_gate)
        {
            _hold = (w => filter(w) && held.TryTake(), held.Released);
        }

        return held;
    }

    /// <summary>Completes when the write may go on: at once, or when its hold is released.</summary>
    internal Task HeldAsync(WriteTarget target)
    {
        lock (_gate)
        {
            return _hold is { } hold && hold.Match(target) ? hold.Released : Task.CompletedTask;
        }
    }

    internal void CheckRead()
    {
        lock (_gate)
        {
            if (_down)
            {
                Injected++;
                throw new InjectedStorageException("Injected fault: storage is down.");
            }
        }
    }

    /// <summary>Counts a write and says whether (and how) it fails.</summary>
    internal FaultKind? OnWrite(WriteTarget target)
    {
        lock (_gate)
        {
            if (_down)
            {
                Injected++;
                return FaultKind.BeforeWrite;
            }

            if (!_match(target))
            {
                return null;
            }

            _writes.Add(target);
            if (_writes.Count != _failAt)
            {
                return null;
            }

            Injected++;
            return _kind;
        }
    }
}
