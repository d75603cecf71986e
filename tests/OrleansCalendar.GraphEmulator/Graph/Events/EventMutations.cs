using System.Collections.Immutable;
using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Creates and changes stored events, enforcing the invariants Outlook enforces.</summary>
internal static class EventMutations
{
    public static EventData Create(EventInput input, string id, string mailboxId, string calendarId, DateTimeOffset now)
    {
        if (input.Start is not { } start || input.End is not { } end)
        {
            throw GraphErrorException.InvalidRequest("An event needs both 'start' and 'end'.");
        }

        var created = new EventData
        {
            Id = id,
            MailboxId = mailboxId,
            CalendarId = calendarId,
            Start = start,
            End = end,
            ICalUId = GraphIds.NewICalUId(),
            ChangeKey = GraphIds.NewChangeKey(),
            CreatedDateTime = now,
            LastModifiedDateTime = now,
            TransactionId = input.TransactionId,
            Subject = string.Empty,
        };
        return Validate(ApplyFields(created, input) with { Recurrence = WithTimeZone(input.Recurrence, start) });
    }

    /// <summary>Applies a PATCH to a stored single instance, series master or exception.</summary>
    public static EventData Update(EventData existing, EventInput input, DateTimeOffset now)
    {
        if (input.HasRecurrence && existing.SeriesMasterId is not null)
        {
            throw GraphErrorException.InvalidRequest("The recurrence of an occurrence cannot be changed; change the series master.");
        }

        var updated = ApplyFields(existing, input);
        if (input.HasRecurrence)
        {
            updated = updated with { Recurrence = WithTimeZone(input.Recurrence, updated.Start) };
        }

        // Outlook drops a series' exceptions and deletions when its time or pattern changes.
        var seriesReshaped = existing.Recurrence is not null &&
            (input.HasRecurrence || input.Start is not null || input.End is not null || input.IsAllDay is not null);
        if (seriesReshaped)
        {
            updated = updated with
            {
                Exceptions = ImmutableDictionary<DateOnly, EventData>.Empty,
                DeletedOccurrences = [],
            };
        }

        return Validate(updated with { ChangeKey = GraphIds.NewChangeKey(), LastModifiedDateTime = now });
    }

    /// <summary>Turns an unmodified occurrence into a stored exception, ready to take a PATCH.</summary>
    public static EventData Materialize(EventInstance occurrence, DateTimeOffset now) => occurrence.Data with
    {
        Id = occurrence.Id,
        Start = occurrence.Start,
        End = occurrence.End,
        Recurrence = null,
        TransactionId = null,
        SeriesMasterId = occurrence.SeriesMasterId,
        OriginalStartUtc = occurrence.OriginalStartUtc,
        Exceptions = ImmutableDictionary<DateOnly, EventData>.Empty,
        DeletedOccurrences = [],
        CreatedDateTime = now,
    };

    private static EventData ApplyFields(EventData target, EventInput input)
    {
        var extended = target.ExtendedProperties;
        foreach (var (key, value) in input.ExtendedProperties ?? [])
        {
            extended = extended.SetItem(key, value);
        }

        return target with
        {
            Subject = input.Subject ?? target.Subject,
            Body = input.Body ?? target.Body,
            Start = input.Start ?? target.Start,
            End = input.End ?? target.End,
            IsAllDay = input.IsAllDay ?? target.IsAllDay,
            ShowAs = input.ShowAs ?? target.ShowAs,
            Sensitivity = input.Sensitivity ?? target.Sensitivity,
            Importance = input.Importance ?? target.Importance,
            IsCancelled = input.IsCancelled ?? target.IsCancelled,
            IsReminderOn = input.IsReminderOn ?? target.IsReminderOn,
            ReminderMinutesBeforeStart = input.ReminderMinutesBeforeStart ?? target.ReminderMinutesBeforeStart,
            LocationDisplayName = input.LocationDisplayName ?? target.LocationDisplayName,
            Categories = input.Categories ?? target.Categories,
            ExtendedProperties = extended,
        };
    }

    private static RecurrenceData? WithTimeZone(RecurrenceData? recurrence, ZonedTime start) =>
        recurrence is null || recurrence.Range.RecurrenceTimeZone is not null
            ? recurrence
            : recurrence with { Range = recurrence.Range with { RecurrenceTimeZone = start.ZoneName } };

    private static EventData Validate(EventData data)
    {
        if (data.End.Utc < data.Start.Utc)
        {
            throw GraphErrorException.InvalidRequest("The end time of an event cannot be before its start time.");
        }

        if (data.IsAllDay &&
            (data.Start.WallClock.TimeOfDay != TimeSpan.Zero || data.End.WallClock.TimeOfDay != TimeSpan.Zero ||
             data.End.WallClock.Date <= data.Start.WallClock.Date))
        {
            throw new GraphErrorException(
                400,
                "ErrorPropertyValidationFailure",
                "Your request can't be completed. If the event is an all-day event, it has to start and end at midnight.");
        }

        return data;
    }
}
