using OrleansCalendar.GraphEmulator.Graph.Calendars;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Graph.Events;
using OrleansCalendar.GraphEmulator.Graph.Subscriptions;

namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>Converts between the control API's public records and the internal model.</summary>
internal static class ControlMapping
{
    public static EmulatedCalendar ToEmulated(CalendarData calendar) => new(
        calendar.Id, calendar.MailboxId, calendar.Name, calendar.Color, CalendarColors.HexOf(calendar.Color),
        calendar.IsDefault, calendar.CanEdit, calendar.OwnerName, calendar.OwnerAddress);

    public static EmulatedSubscription ToEmulated(SubscriptionData subscription, DateTimeOffset now) => new(
        subscription.Id, subscription.MailboxId, subscription.ApplicationId, subscription.Resource, subscription.CalendarId,
        subscription.ChangeType, subscription.NotificationUrl, subscription.LifecycleNotificationUrl, subscription.ClientState,
        subscription.ExpirationDateTime, subscription.ExpirationDateTime <= now);

    public static EmulatedEvent ToEmulated(EventInstance instance)
    {
        var data = instance.Data;
        return new EmulatedEvent
        {
            Id = instance.Id,
            CalendarId = data.CalendarId,
            Type = instance.Type,
            SeriesMasterId = instance.SeriesMasterId,
            Subject = data.Subject,
            BodyContent = data.Body.Content,
            BodyContentType = data.Body.ContentType,
            Start = new DateTimeOffset(instance.Start.Utc, TimeSpan.Zero),
            End = new DateTimeOffset(instance.End.Utc, TimeSpan.Zero),
            StartTimeZone = instance.Start.ZoneName,
            EndTimeZone = instance.End.ZoneName,
            IsAllDay = data.IsAllDay,
            ShowAs = data.ShowAs,
            Sensitivity = data.Sensitivity,
            IsCancelled = data.IsCancelled,
            Location = data.LocationDisplayName,
            TransactionId = instance.Type is "occurrence" or "exception" ? null : data.TransactionId,
            ICalUId = data.ICalUId,
            ChangeKey = data.ChangeKey,
            CreatedDateTime = data.CreatedDateTime,
            LastModifiedDateTime = data.LastModifiedDateTime,
            Recurrence = instance.Type == "seriesMaster" && data.Recurrence is { } recurrence ? ToSpec(recurrence) : null,
            ExtendedProperties = new Dictionary<string, string>(data.ExtendedProperties, StringComparer.OrdinalIgnoreCase),
            DeletedOccurrences = instance.Type == "seriesMaster" ? [.. data.DeletedOccurrences.Order()] : [],
            ExceptionDates = instance.Type == "seriesMaster" ? [.. data.Exceptions.Keys.Order()] : [],
        };
    }

    public static EventInput ToInput(EventSpec spec)
    {
        var zone = TimeZones.FindOrThrow(spec.TimeZone);
        return new EventInput
        {
            Subject = spec.Subject,
            Start = Zoned(spec.Start, spec.TimeZone, zone),
            End = Zoned(spec.End, spec.TimeZone, zone),
            IsAllDay = spec.IsAllDay,
            ShowAs = Member(EventEnums.ShowAs, spec.ShowAs, "showAs"),
            Sensitivity = Member(EventEnums.Sensitivity, spec.Sensitivity, "sensitivity"),
            IsCancelled = spec.IsCancelled,
            Body = spec.Body is null ? null : new EventBody("text", spec.Body),
            LocationDisplayName = spec.Location,
            Categories = spec.Categories is null ? null : [.. spec.Categories],
            HasRecurrence = spec.Recurrence is not null,
            Recurrence = spec.Recurrence is null ? null : ToData(spec.Recurrence, spec.TimeZone),
            TransactionId = spec.TransactionId,
            ExtendedProperties = spec.ExtendedProperties?.ToList(),
        };
    }

    public static EventInput ToInput(EventPatch patch, EventInstance existing)
    {
        var zoneName = patch.TimeZone ?? existing.Start.ZoneName;
        var zone = TimeZones.FindOrThrow(zoneName);
        return new EventInput
        {
            Subject = patch.Subject,
            Start = patch.Start is { } start ? Zoned(start, zoneName, zone) : null,
            End = patch.End is { } end ? Zoned(end, zoneName, zone) : null,
            IsAllDay = patch.IsAllDay,
            ShowAs = patch.ShowAs is null ? null : Member(EventEnums.ShowAs, patch.ShowAs, "showAs"),
            Sensitivity = patch.Sensitivity is null ? null : Member(EventEnums.Sensitivity, patch.Sensitivity, "sensitivity"),
            IsCancelled = patch.IsCancelled,
            Body = patch.Body is null ? null : new EventBody("text", patch.Body),
            LocationDisplayName = patch.Location,
            HasRecurrence = patch.Recurrence is not null || patch.RemoveRecurrence,
            Recurrence = patch.Recurrence is null ? null : ToData(patch.Recurrence, zoneName),
            ExtendedProperties = patch.ExtendedProperties?.ToList(),
        };
    }

    private static RecurrenceData ToData(RecurrenceSpec spec, string timeZone)
    {
        var patternType = Member(EventEnums.PatternTypes, spec.PatternType, "patternType");
        var rangeType = spec.EndDate is not null ? "endDate" : spec.NumberOfOccurrences is not null ? "numbered" : "noEnd";
        return new RecurrenceData(
            new RecurrencePatternData(
                patternType,
                Math.Max(1, spec.Interval),
                [.. spec.DaysOfWeek],
                spec.FirstDayOfWeek,
                spec.DayOfMonth,
                spec.Month,
                Member(EventEnums.WeekIndexes, spec.Index, "index")),
            new RecurrenceRangeData(rangeType, spec.StartDate, spec.EndDate, spec.NumberOfOccurrences ?? 0, timeZone));
    }

    private static RecurrenceSpec ToSpec(RecurrenceData data) => new()
    {
        PatternType = data.Pattern.Type,
        Interval = data.Pattern.Interval,
        DaysOfWeek = [.. data.Pattern.DaysOfWeek],
        FirstDayOfWeek = data.Pattern.FirstDayOfWeek,
        DayOfMonth = data.Pattern.DayOfMonth,
        Month = data.Pattern.Month,
        Index = data.Pattern.Index,
        StartDate = data.Range.StartDate,
        EndDate = data.Range.EndDate,
        NumberOfOccurrences = data.Range.Type == "numbered" ? data.Range.NumberOfOccurrences : null,
    };

    private static ZonedTime Zoned(DateTime value, string zoneName, TimeZoneInfo zone) =>
        value.Kind == DateTimeKind.Utc
            ? ZonedTime.FromUtc(value, zoneName, zone)
            : new ZonedTime(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), zoneName, zone);

    private static string Member(string[] members, string value, string name) =>
        EventEnums.Canonical(members, value) ?? throw new ArgumentException($"'{value}' is not a valid {name}; use one of {string.Join(", ", members)}.", name);
}
