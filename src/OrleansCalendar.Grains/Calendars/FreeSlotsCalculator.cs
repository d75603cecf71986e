using NodaTime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using DomainFreeSlot = OrleansCalendar.Domain.Scheduling.FreeSlot;

namespace OrleansCalendar.Grains.Calendars;

/// <summary>
/// Free slots of one calendar version, from our own state only. The weekly-hours slots of a date range depend
/// only on the rules, so they are computed once per range; notice, window and busy time apply per query.
/// </summary>
internal sealed class FreeSlotsCalculator(string subAccountId, string calendarId, CalendarDefinition definition, SlotRules rules)
{
    private const int MaxCachedRanges = 256;
    private readonly Dictionary<(Instant Start, Instant End), IReadOnlyList<TimeInterval>> _weeklySlots = [];

    public async Task<FreeSlots> CalculateAsync(FreeSlotsQuery query, IGrainFactory grains, Instant now)
    {
        var displayZone = DateTimeZoneProviders.Tzdb[query.TimeZone ?? definition.TimeZone];
        var members = Members(query.UserId);
        var (rangeStart, rangeEnd) = SlotGenerator.DateRange(LocalDate.FromDateOnly(query.StartDate), LocalDate.FromDateOnly(query.EndDate), displayZone);
        var candidates = SlotGenerator.WithinHorizon(rules, WeeklySlots(rangeStart, rangeEnd), now);

        // Each member's availability grain answers for all candidates at once, from memory.
        var widened = SlotGenerator.Widened(rules, candidates);
        var probe = new FreeSlotProbe(
            widened.Select(w => w.Start.ToUnixTimeMilliseconds()).ToArray(),
            widened.Select(w => w.End.ToUnixTimeMilliseconds()).ToArray(),
            IncludeExternal: definition.Type != CalendarType.Event);
        var answers = await Task.WhenAll(members.Select(m =>
            grains.GetGrain<IAvailabilityGrain>(GrainKeys.Scoped(subAccountId, m)).AreFreeAsync(probe)));

        var mode = definition.Type == CalendarType.Collective ? SlotMode.AllMembers : SlotMode.AnyMember;
        var slots = SlotGenerator.Combine(candidates, members.Select((m, i) => new MemberFreedom(m, answers[i])).ToList(), mode);
        var days = SlotGenerator.GroupByDay(slots, displayZone)
            .Select(day => new FreeSlotDay(day.Date.ToDateOnly(), day.Slots.Select(s => ToDto(s, displayZone)).ToList()))
            .ToList();
        return new FreeSlots(calendarId, displayZone.Id, days);
    }

    private IReadOnlyList<TimeInterval> WeeklySlots(Instant start, Instant end)
    {
        if (!_weeklySlots.TryGetValue((start, end), out var slots))
        {
            if (_weeklySlots.Count >= MaxCachedRanges)
            {
                _weeklySlots.Clear();
            }

            _weeklySlots[(start, end)] = slots = SlotGenerator.WeeklySlots(rules, start, end);
        }

        return slots;
    }

    /// <summary>The availability owners to check: the members, one member, or the calendar itself when it has none.</summary>
    private IReadOnlyList<string> Members(string? userId)
    {
        if (userId is not null)
        {
            return definition.UserIds.Contains(userId)
                ? definition.Type == CalendarType.Collective ? definition.UserIds : [userId]
                : throw CalendarException.Unprocessable(ErrorCodes.NotACalendarMember, "The user is not a member of this calendar.");
        }

        return definition.UserIds.Count == 0 ? [calendarId] : definition.UserIds;
    }

    private OrleansCalendar.Abstractions.Calendars.FreeSlot ToDto(DomainFreeSlot slot, DateTimeZone zone) =>
        new(slot.Interval.Start.InZone(zone).ToDateTimeOffset(), slot.Interval.End.InZone(zone).ToDateTimeOffset(),
            definition.UserIds.Count == 0 ? [] : slot.UserIds);
}
