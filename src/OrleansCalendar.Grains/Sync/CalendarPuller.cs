using Microsoft.Extensions.Logging;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// Pull: one Outlook calendar's event instances through <c>calendarView/delta</c> over the sync window (today's
/// UTC midnight and <see cref="SyncOptions.WindowDays"/> after it). A round continues from the stored deltaLink,
/// or starts over (a full round) when there is none, when the window slid to a new day or when Graph says the link
/// expired (410). A round that the turn's budget cuts short is kept here and continued in the next turn; its
/// events replace the calendar's only once it is complete.
/// </summary>
internal sealed class CalendarPuller(SyncOptions options, TimeProvider clock, ILogger logger)
{
    private readonly Dictionary<string, DeltaRound> _unfinished = new(StringComparer.Ordinal);

    /// <summary>Whether a round waits to be continued in the next turn.</summary>
    public bool HasUnfinishedRounds => _unfinished.Count > 0;

    /// <summary>The calendars whose round waits to be continued.</summary>
    public IReadOnlyList<string> UnfinishedCalendars => [.. _unfinished.Keys];

    /// <summary>Drops rounds in progress: what they collected no longer fits (preferences or calendars changed).</summary>
    public void Reset() => _unfinished.Clear();

    /// <summary>The sync window: today's UTC midnight and <see cref="SyncOptions.WindowDays"/> after it.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Window()
    {
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        return (today, today.AddDays(options.WindowDays));
    }

    /// <summary>Runs or continues the calendar's round; null when the turn's budget ran out first.</summary>
    public async Task<PullResult?> PullAsync(GraphSession session, string calendarId)
    {
        var state = session.State;
        var record = state.Calendars.GetValueOrDefault(calendarId);
        var (start, end) = Window();
        if (!_unfinished.Remove(calendarId, out var round) || round.WindowStart != start || round.WindowEnd != end)
        {
            round = record is { DeltaLink: not null } && record.WindowStart == start && record.WindowEnd == end
                ? DeltaRound.Continue(record)
                : DeltaRound.Full(start, end);
        }

        var applier = Applier(state);
        while (session.CanCall)
        {
            OutlookDeltaPage page;
            try
            {
                page = await session.DeltaPageAsync(calendarId, round.Link, start, end);
            }
            catch (OutlookGraphException e) when (e.StatusCode == 410 && !round.IsFull)
            {
                logger.LogInformation("The delta link of an Outlook calendar expired; running a full round");
                round = DeltaRound.Full(start, end);
                continue;
            }

            round.Apply(applier, page);
            if (page.NextLink is { } next)
            {
                round.Link = next;
                continue;
            }

            var deltaLink = page.DeltaLink ?? throw new OutlookGraphException(null, null, "Graph ended a delta round without a deltaLink.");
            return new PullResult(calendarId, deltaLink, start, end, round.Events, round.OwnCopies, Publication(state, calendarId, record, round.Events));
        }

        _unfinished[calendarId] = round;
        return null;
    }

    /// <summary>Makes a complete round the calendar's events in force.</summary>
    public void Apply(OutlookIntegrationState state, PullResult result)
    {
        var record = Record(state, result.CalendarId);
        record.Imported = result.Events;
        record.DeltaLink = result.DeltaLink;
        record.WindowStart = result.WindowStart;
        record.WindowEnd = result.WindowEnd;
        record.LastSyncAt = clock.GetUtcNow();
        record.LastError = null;
        if (result.Publish is not null)
        {
            record.Published = true;
        }
    }

    /// <summary>A failed pull keeps the events of the last complete round in force and says why.</summary>
    public static void Failed(OutlookIntegrationState state, string calendarId, string error) => Record(state, calendarId).LastError = error;

    /// <summary>
    /// The busy time availability must get for the calendar after the round: only for a conflict calendar, and only
    /// when it changed (or was never handed over).
    /// </summary>
    private static List<Abstractions.Availability.ExternalBusy>? Publication(
        OutlookIntegrationState state, string calendarId, CalendarSyncRecord? record, Dictionary<Guid, ImportedEvent> events)
    {
        if (!state.ConflictCalendarIds.Contains(calendarId))
        {
            return null;
        }

        var after = DeltaApplier.Busy(events.Values);
        return record is { Published: true } && DeltaApplier.Busy(record.Imported.Values).SequenceEqual(after) ? null : after;
    }

    private static CalendarSyncRecord Record(OutlookIntegrationState state, string calendarId) =>
        state.Calendars.TryGetValue(calendarId, out var record) ? record : state.Calendars[calendarId] = new CalendarSyncRecord();

    private static DeltaApplier Applier(OutlookIntegrationState state)
    {
        var byEvent = new Dictionary<string, PushRecord>(StringComparer.Ordinal);
        var byTransaction = new Dictionary<string, PushRecord>(StringComparer.Ordinal);
        foreach (var push in state.Pushes.Values)
        {
            if (push.EventId is { } eventId)
            {
                byEvent[eventId] = push;
            }

            if (push.TransactionId.Length > 0)
            {
                byTransaction[push.TransactionId] = push;
            }
        }

        return new DeltaApplier(state.Preferences, byEvent, byTransaction);
    }
}
