using NodaTime;
using Orleans.Concurrency;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using DomainFreeSlot = OrleansCalendar.Domain.Scheduling.FreeSlot;

namespace OrleansCalendar.Grains.Calendars;

[StatelessWorker]
public sealed class FreeSlotsGrain(TimeProvider clock) : Grain, IFreeSlotsGrain
{
    private const int MaxCachedQueries = 4096;

    // Parsed rules per calendar version: parsing weekly hours on every query would dominate small queries.
    private readonly Dictionary<string, (DateTimeOffset Version, SlotRules Rules)> _rules = new(StringComparer.Ordinal);

    // The weekly-hours slots of a query depend only on the calendar version and the range: pages are asked for
    // again and again, so they are computed once. Notice, window and busy time are applied per request.
    private readonly Dictionary<(string Calendar, DateTimeOffset Version, Instant Start, Instant End), IReadOnlyList<TimeInterval>> _weeklySlots = [];

    public async Task<FreeSlots> GetFreeSlotsAsync(string subAccountId, string calendarId, FreeSlotsQuery query)
    {
        var calendar = await GrainFactory.GetGrain<ICalendarGrain>(GrainKeys.Scoped(subAccountId, calendarId)).GetAsync()
            ?? throw CalendarException.NotFound(ErrorCodes.CalendarNotFound, "The calendar does not exist.");
        var definition = calendar.Definition;
        var rules = RulesFor(calendar);
        var displayZone = DateTimeZoneProviders.Tzdb[query.TimeZone ?? definition.TimeZone];

        var members = Members(calendarId, definition, query.UserId);
        var (rangeStart, rangeEnd) = SlotGenerator.DateRange(LocalDate.FromDateOnly(query.StartDate), LocalDate.FromDateOnly(query.EndDate), displayZone);
        var candidates = SlotGenerator.WithinHorizon(rules, WeeklySlots(calendar, rules, rangeStart, rangeEnd), Instant.FromDateTimeOffset(clock.GetUtcNow()));

        // Each member's availability grain answers for all candidates at once, from memory.
        var widened = SlotGenerator.Widened(rules, candidates);
        var probe = new FreeSlotProbe(
            widened.Select(w => w.Start.ToUnixTimeMilliseconds()).ToArray(),
            widened.Select(w => w.End.ToUnixTimeMilliseconds()).ToArray(),
            IncludeExternal: definition.Type != CalendarType.Event);
        var answers = await Task.WhenAll(members.Select(m =>
            GrainFactory.GetGrain<IAvailabilityGrain>(GrainKeys.Scoped(subAccountId, m)).AreFreeAsync(probe)));

        var mode = definition.Type == CalendarType.Collective ? SlotMode.AllMembers : SlotMode.AnyMember;
        var slots = SlotGenerator.Combine(candidates, members.Select((m, i) => new MemberFreedom(m, answers[i])).ToList(), mode);
        var days = SlotGenerator.GroupByDay(slots, displayZone)
            .Select(day => new FreeSlotDay(day.Date.ToDateOnly(), day.Slots.Select(s => ToDto(s, displayZone, definition)).ToList()))
            .ToList();
        return new FreeSlots(calendarId, displayZone.Id, days);
    }

    private SlotRules RulesFor(CalendarDetails calendar)
    {
        if (_rules.TryGetValue(calendar.Id, out var cached) && cached.Version == calendar.UpdatedAt)
        {
            return cached.Rules;
        }

        if (_rules.Count >= MaxCachedQueries)
        {
            _rules.Clear();
        }

        var rules = CalendarRules.ToSlotRules(calendar.Definition);
        _rules[calendar.Id] = (calendar.UpdatedAt, rules);
        return rules;
    }

    private IReadOnlyList<TimeInterval> WeeklySlots(CalendarDetails calendar, SlotRules rules, Instant start, Instant end)
    {
        var key = (calendar.Id, calendar.UpdatedAt, start, end);
        if (!_weeklySlots.TryGetValue(key, out var slots))
        {
            if (_weeklySlots.Count >= MaxCachedQueries)
            {
                _weeklySlots.Clear();
            }

            _weeklySlots[key] = slots = SlotGenerator.WeeklySlots(rules, start, end);
        }

        return slots;
    }

    /// <summary>The availability owners to check: the members, one member, or the calendar itself when it has none.</summary>
    private static IReadOnlyList<string> Members(string calendarId, CalendarDefinition definition, string? userId)
    {
        if (userId is not null)
        {
            return definition.UserIds.Contains(userId)
                ? definition.Type == CalendarType.Collective ? definition.UserIds : [userId]
                : throw CalendarException.Unprocessable(ErrorCodes.NotACalendarMember, "The user is not a member of this calendar.");
        }

        return definition.UserIds.Count == 0 ? [calendarId] : definition.UserIds;
    }

    private static OrleansCalendar.Abstractions.Calendars.FreeSlot ToDto(DomainFreeSlot slot, DateTimeZone zone, CalendarDefinition definition) =>
        new(slot.Interval.Start.InZone(zone).ToDateTimeOffset(), slot.Interval.End.InZone(zone).ToDateTimeOffset(),
            definition.UserIds.Count == 0 ? [] : slot.UserIds);
}
