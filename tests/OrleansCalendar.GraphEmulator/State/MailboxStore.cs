using OrleansCalendar.GraphEmulator.Graph.Calendars;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Graph.Events;
using OrleansCalendar.GraphEmulator.Graph.Users;

namespace OrleansCalendar.GraphEmulator.State;

/// <summary>
/// Mailboxes, their calendars and events: the Exchange side of the emulator. One lock guards
/// everything; stored values are immutable records, so snapshots leave the lock safely.
/// </summary>
internal sealed class MailboxStore(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly List<MailboxData> _mailboxes = [];
    private readonly List<CalendarData> _calendars = [];
    private readonly Dictionary<string, EventData> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _transactions = new(StringComparer.Ordinal);
    private readonly List<JournalEntry> _journal = [];
    private long _sequence;

    /// <summary>Raised after every event change, outside the lock.</summary>
    public event Action<EventChange>? EventChanged;

    public MailboxData AddMailbox(string email, string displayName, string? id = null)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("A mailbox needs an e-mail address.", nameof(email));
        }

        lock (_gate)
        {
            if (_mailboxes.Any(m => m.IsNamedBy(email) || (id is not null && m.IsNamedBy(id))))
            {
                throw new InvalidOperationException($"Mailbox '{email}' already exists.");
            }

            var mailbox = new MailboxData(id ?? Guid.NewGuid().ToString(), email.Trim(), displayName);
            _mailboxes.Add(mailbox);
            _calendars.Add(NewCalendar(mailbox, "Calendar", isDefault: true, canEdit: true, color: "auto", null, null));
            return mailbox;
        }
    }

    public MailboxData? FindMailbox(string idOrAddress)
    {
        lock (_gate)
        {
            return _mailboxes.Find(m => m.IsNamedBy(idOrAddress));
        }
    }

    public IReadOnlyList<MailboxData> Mailboxes()
    {
        lock (_gate)
        {
            return [.. _mailboxes];
        }
    }

    public CalendarData AddCalendar(
        string mailboxId, string name, bool canEdit, bool isDefault, string? color, string? ownerName, string? ownerAddress)
    {
        lock (_gate)
        {
            var mailbox = _mailboxes.Find(m => m.Id == mailboxId)
                ?? throw new KeyNotFoundException($"Mailbox '{mailboxId}' does not exist.");
            if (isDefault)
            {
                for (var i = 0; i < _calendars.Count; i++)
                {
                    if (_calendars[i].MailboxId == mailboxId && _calendars[i].IsDefault)
                    {
                        _calendars[i] = _calendars[i] with { IsDefault = false, ChangeKey = GraphIds.NewChangeKey() };
                    }
                }
            }

            var calendar = NewCalendar(mailbox, name, isDefault, canEdit, color, ownerName, ownerAddress);
            _calendars.Add(calendar);
            return calendar;
        }
    }

    public IReadOnlyList<CalendarData> Calendars(string mailboxId)
    {
        lock (_gate)
        {
            return [.. _calendars.Where(c => c.MailboxId == mailboxId)];
        }
    }

    public CalendarData? FindCalendar(string mailboxId, string calendarId)
    {
        lock (_gate)
        {
            return _calendars.Find(c => c.MailboxId == mailboxId && c.Id == calendarId);
        }
    }

    public CalendarData DefaultCalendar(string mailboxId)
    {
        lock (_gate)
        {
            return _calendars.Find(c => c.MailboxId == mailboxId && c.IsDefault)
                ?? _calendars.Find(c => c.MailboxId == mailboxId)
                ?? throw GraphErrorException.NotFound();
        }
    }

    /// <summary>Creates an event; a repeated <c>transactionId</c> returns the event it created before.</summary>
    public (EventData Event, bool Created) CreateEvent(string mailboxId, string calendarId, EventInput input)
    {
        EventData created;
        lock (_gate)
        {
            if (_calendars.Find(c => c.MailboxId == mailboxId && c.Id == calendarId) is null)
            {
                throw GraphErrorException.NotFound();
            }

            var transactionKey = input.TransactionId is { Length: > 0 } txn ? mailboxId + "\n" + txn : null;
            if (transactionKey is not null &&
                _transactions.TryGetValue(transactionKey, out var existingId) &&
                _events.TryGetValue(existingId, out var existing))
            {
                return (existing, false);
            }

            created = EventMutations.Create(input, GraphIds.NewItemId(), mailboxId, calendarId, clock.GetUtcNow());
            _events[created.Id] = created;
            if (transactionKey is not null)
            {
                _transactions[transactionKey] = created.Id;
            }

            Journal(created);
        }

        Raise(created, "created");
        return (created, true);
    }

    /// <summary>Updates a stored item, or an occurrence (which becomes an exception of its series).</summary>
    public EventInstance UpdateEvent(string mailboxId, string eventId, EventInput input, string? calendarId = null)
    {
        EventData owner;
        EventInstance result;
        lock (_gate)
        {
            var (stored, occurrenceDate) = Resolve(mailboxId, eventId, calendarId);
            var now = clock.GetUtcNow();
            if (occurrenceDate is { } date)
            {
                var current = stored.Exceptions.TryGetValue(date, out var exception)
                    ? exception
                    : EventMutations.Materialize(InstanceExpander.Occurrence(stored, date), now);
                var updated = EventMutations.Update(current, input, now);
                owner = stored with { Exceptions = stored.Exceptions.SetItem(date, updated) };
                result = EventInstance.Of(updated);
            }
            else
            {
                owner = EventMutations.Update(stored, input, now);
                result = EventInstance.Of(owner);
            }

            _events[owner.Id] = owner;
            Journal(owner);
        }

        Raise(owner, "updated");
        return result;
    }

    /// <summary>Deletes a stored item, or one occurrence of a series (which then no longer shows).</summary>
    public void DeleteEvent(string mailboxId, string eventId, string? calendarId = null)
    {
        EventData owner;
        string changeType;
        lock (_gate)
        {
            var (stored, occurrenceDate) = Resolve(mailboxId, eventId, calendarId);
            if (occurrenceDate is { } date)
            {
                owner = stored with
                {
                    DeletedOccurrences = stored.DeletedOccurrences.Add(date),
                    Exceptions = stored.Exceptions.Remove(date),
                };
                _events[owner.Id] = owner;
                changeType = "updated";
            }
            else
            {
                owner = stored;
                _events.Remove(stored.Id);
                changeType = "deleted";
            }

            Journal(owner);
        }

        Raise(owner, changeType);
    }

    public EventInstance? FindInstance(string mailboxId, string eventId, string? calendarId = null)
    {
        lock (_gate)
        {
            if (FindStored(mailboxId, eventId, calendarId) is { } stored)
            {
                return EventInstance.Of(stored);
            }

            if (!GraphIds.TryParseOccurrenceId(eventId, out var masterId, out var date) ||
                FindStored(mailboxId, masterId, calendarId) is not { Recurrence: not null } master ||
                master.DeletedOccurrences.Contains(date))
            {
                return null;
            }

            if (master.Exceptions.TryGetValue(date, out var exception))
            {
                return EventInstance.Of(exception);
            }

            return RecurrenceExpander.IsOccurrenceDate(master.Recurrence, date)
                ? InstanceExpander.Occurrence(master, date)
                : null;
        }
    }

    /// <summary>Single instances and series masters (no occurrences), as <c>/events</c> lists them.</summary>
    public IReadOnlyList<EventData> StoredEvents(string mailboxId, string? calendarId)
    {
        lock (_gate)
        {
            return [.. _events.Values
                .Where(e => e.MailboxId == mailboxId && (calendarId is null || e.CalendarId == calendarId))
                .OrderBy(e => e.Start.Utc)
                .ThenBy(e => e.CreatedDateTime)];
        }
    }

    /// <summary>Instances overlapping a window, with recurrences expanded, and the change sequence they reflect.</summary>
    public (IReadOnlyList<EventInstance> Instances, long Sequence) View(
        string mailboxId, string calendarId, DateTime startUtc, DateTime endUtc, string? seriesMasterId = null)
    {
        lock (_gate)
        {
            var instances = _events.Values
                .Where(e => e.MailboxId == mailboxId && e.CalendarId == calendarId)
                .Where(e => seriesMasterId is null || e.Id == seriesMasterId)
                .SelectMany(e => InstanceExpander.Expand(e, startUtc, endUtc))
                .OrderBy(i => i.Start.Utc)
                .ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToList();
            return (instances, _sequence);
        }
    }

    /// <summary>Ids of stored items of a calendar changed (or deleted) after <paramref name="sequence"/>.</summary>
    public IReadOnlyCollection<string> ItemsChangedSince(string mailboxId, string calendarId, long sequence)
    {
        lock (_gate)
        {
            return _journal
                .Where(j => j.Sequence > sequence && j.MailboxId == mailboxId && j.CalendarId == calendarId)
                .Select(j => j.ItemId)
                .ToHashSet(StringComparer.Ordinal);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _mailboxes.Clear();
            _calendars.Clear();
            _events.Clear();
            _transactions.Clear();
            _journal.Clear();
        }
    }

    private EventData? FindStored(string mailboxId, string eventId, string? calendarId) =>
        _events.TryGetValue(eventId, out var stored) && stored.MailboxId == mailboxId &&
        (calendarId is null || stored.CalendarId == calendarId)
            ? stored
            : null;

    private (EventData Stored, DateOnly? OccurrenceDate) Resolve(string mailboxId, string eventId, string? calendarId)
    {
        if (FindStored(mailboxId, eventId, calendarId) is { } stored)
        {
            return (stored, null);
        }

        if (GraphIds.TryParseOccurrenceId(eventId, out var masterId, out var date) &&
            FindStored(mailboxId, masterId, calendarId) is { Recurrence: not null } master &&
            !master.DeletedOccurrences.Contains(date) &&
            (master.Exceptions.ContainsKey(date) || RecurrenceExpander.IsOccurrenceDate(master.Recurrence, date)))
        {
            return (master, date);
        }

        throw GraphErrorException.NotFound();
    }

    private void Journal(EventData item) =>
        _journal.Add(new JournalEntry(++_sequence, item.MailboxId, item.CalendarId, item.Id));

    private void Raise(EventData item, string changeType) =>
        EventChanged?.Invoke(new EventChange(item.MailboxId, item.CalendarId, item.Id, changeType, item.ChangeKey));

    private static CalendarData NewCalendar(
        MailboxData mailbox, string name, bool isDefault, bool canEdit, string? color, string? ownerName, string? ownerAddress)
    {
        var shared = ownerAddress is not null && !mailbox.IsNamedBy(ownerAddress);
        return new CalendarData
        {
            Id = GraphIds.NewCalendarId(),
            MailboxId = mailbox.Id,
            Name = name,
            Color = CalendarColors.Canonical(color),
            IsDefault = isDefault,
            CanEdit = canEdit,
            CanShare = !shared,
            CanViewPrivateItems = !shared,
            OwnerName = ownerName ?? mailbox.DisplayName,
            OwnerAddress = ownerAddress ?? mailbox.Email,
            ChangeKey = GraphIds.NewChangeKey(),
        };
    }
}
