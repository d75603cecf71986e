namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>
/// Decides which writes of the real grain storage fail, for a server hosted with
/// <see cref="CalendarAppFactory"/>(injectStorageFaults: true). Writes are counted per state name (the name a grain
/// gives its persistent state: "appointment", "availability", …), so a test can first learn how many writes an
/// operation makes and then fail each of them in turn.
/// </summary>
public sealed class StorageFaults
{
    private readonly Lock _gate = new();
    private readonly List<string> _writes = [];
    private Func<string, bool> _match = _ => true;
    private int _failAt;
    private FaultKind _kind;
    private bool _down;

    /// <summary>State names of the writes (and clears) since the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<string> Writes
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
            _match = _ => true;
            Injected = 0;
        }
    }

    /// <summary>Fails the <paramref name="n"/>-th write (1-based) from now among those whose state name matches.</summary>
    public void FailNth(int n, FaultKind kind, Func<string, bool>? stateName = null)
    {
        lock (_gate)
        {
            _writes.Clear();
            _match = stateName ?? (_ => true);
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
    internal FaultKind? OnWrite(string stateName)
    {
        lock (_gate)
        {
            if (_down)
            {
                Injected++;
                return FaultKind.BeforeWrite;
            }

            if (!_match(stateName))
            {
                return null;
            }

            _writes.Add(stateName);
            if (_writes.Count != _failAt)
            {
                return null;
            }

            Injected++;
            return _kind;
        }
    }
}
