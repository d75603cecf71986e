using NodaTime;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using OrleansCalendar.Grains.Upgrades;
using DomainFreeSlot = OrleansCalendar.Domain.Scheduling.FreeSlot;

namespace OrleansCalendar.Grains.Calendars;

/// <summary>
/// Free slots of one calendar version, and the explanation of one day's slots, from our own state only. The explanation
/// applies the domain's same tests to the members' busy items (<see cref="SlotExplainer"/>), so a slot is bookable
/// exactly when free slots offer it. The weekly-hours slots of a date range depend only on
/// the rules, so they are computed once per range. Whole answers are cached per query under the busy-time versions of
/// the members that gave them and until the notice or window horizon moves past a slot: a query first asks each
/// member for its version (a call that reads one number), and any booking, release or Outlook import since gives a new
/// version, so a cached answer never offers time that was taken after it was computed.
/// </summary>
internal sealed class FreeSlotsCalculator(string subAccountId, string calendarId, CalendarDefinition definition, SlotRules rules)
{
    private const int MaxCachedRanges = 256;
    private const int MaxCachedAnswers = 256;
    private readonly Dictionary<(Instant Start, Instant End), IReadOnlyList<TimeInterval>> _weeklySlots = [];
    private readonly Dictionary<FreeSlotsQuery, CachedAnswer> _answers = [];

    public async Task<FreeSlots> CalculateAsync(FreeSlotsQuery query, IGrainFactory grains, Instant now)
    {
        var members = Members(query.UserId);
        var availability = members.Select(m => Availability(grains, m)).ToList();
        if (_answers.TryGetValue(query, out var cached) && now < cached.ValidUntil
            && (await Task.WhenAll(availability.Select(VersionAsync))).AsSpan().SequenceEqual(cached.Versions))
        {
            return cached.Answer;
        }

        var displayZone = DisplayZone(query.TimeZone);
        var (rangeStart, rangeEnd) = SlotGenerator.DateRange(LocalDate.FromDateOnly(query.StartDate), LocalDate.FromDateOnly(query.EndDate), displayZone);
        var weekly = WeeklySlots(rangeStart, rangeEnd);
        var candidates = SlotGenerator.WithinHorizon(rules, weekly, now);

        // Each member's availability grain answers for all candidates at once, from memory.
        var widened = SlotGenerator.Widened(rules, candidates);
        var probe = new FreeSlotProbe(
            widened.Select(w => w.Start.ToUnixTimeMilliseconds()).ToArray(),
            widened.Select(w => w.End.ToUnixTimeMilliseconds()).ToArray(),
            IncludeExternal);
        var answers = await Task.WhenAll(availability.Select(a => ProbeAsync(a, probe)));

        var slots = SlotGenerator.Combine(candidates, members.Select((m, i) => new MemberFreedom(m, answers[i].Free)).ToList(), Mode);
        var days = SlotGenerator.GroupByDay(slots, displayZone)
            .Select(day => new FreeSlotDay(day.Date.ToDateOnly(), day.Slots.Select(s => ToDto(s, displayZone)).ToList()))
            .ToList();
        var result = new FreeSlots(calendarId, displayZone.Id, days);
        if (answers.All(a => a.Version != NoVersion))
        {
            Remember(query, new CachedAnswer(answers.Select(a => a.Version).ToArray(), SlotGenerator.HorizonChangesAt(rules, weekly, now), result));
        }

        return result;
    }

    public async Task<AvailabilityExplanation> ExplainAsync(AvailabilityQuery query, IGrainFactory grains, Instant now)
    {
        var members = Members(query.UserId);
        var displayZone = DisplayZone(query.TimeZone);
        var date = LocalDate.FromDateOnly(query.Date);
        var (from, to) = SlotExplainer.BusyWindow(rules, date, displayZone);
        var details = await Task.WhenAll(members.Select(m => Availability(grains, m).GetBusyDetailsAsync(from.ToDateTimeOffset(), to.ToDateTimeOffset())));

        var busy = members.Select((m, i) => new MemberBusy(m, BusyItems(details[i]))).ToList();
        var slots = SlotExplainer.ExplainDay(rules, date, displayZone, now, busy, Mode)
            .Select(e => new SlotAvailability(InZone(e.Slot.Start), InZone(e.Slot.End), e.Bookable, e.Reasons.Select(r => ToDto(r, displayZone)).ToList()))
            .ToList();
        return new AvailabilityExplanation(calendarId, query.Date, displayZone.Id, slots);

        // Every time as the clock of the zone the day is given in shows it (the API's offset rule).
        DateTimeOffset InZone(Instant time) => time.InZone(displayZone).ToDateTimeOffset();
    }

    /// <summary>Event calendars ignore Outlook busy time, for free slots and their explanation alike.</summary>
    private bool IncludeExternal => definition.Type != CalendarType.Event;

    private SlotMode Mode => definition.Type == CalendarType.Collective ? SlotMode.AllMembers : SlotMode.AnyMember;

    private DateTimeZone DisplayZone(string? timeZone) => DateTimeZoneProviders.Tzdb[timeZone ?? definition.TimeZone];

    private IAvailabilityGrain Availability(IGrainFactory grains, string ownerId) =>
        grains.GetGrain<IAvailabilityGrain>(GrainKeys.Scoped(subAccountId, ownerId));

    private List<BusyItem> BusyItems(BusyDetails details)
    {
        var items = details.Holds
            .Select(BusyItem (r) => new AppointmentBusyItem(r.AppointmentId, r.CalendarId, Interval(r.Start, r.End), Interval(r.BlockedStart, r.BlockedEnd)))
            .ToList();
        if (IncludeExternal)
        {
            items.AddRange(details.External.SelectMany(source => source.Value.Select(e => new ExternalBusyItem(source.Key, e.ShowAs, e.Title, Interval(e.Start, e.End)))));
        }

        return items;
    }

    private AvailabilityReason ToDto(SlotReason reason, DateTimeZone zone) => new(
        reason.Code switch
        {
            SlotReasonCode.OutsideHours => AvailabilityReasonCode.OutsideHours,
            SlotReasonCode.OffGrid => AvailabilityReasonCode.OffGrid,
            SlotReasonCode.MinimumNotice => AvailabilityReasonCode.MinimumNotice,
            SlotReasonCode.BeyondBookingWindow => AvailabilityReasonCode.BeyondBookingWindow,
            SlotReasonCode.Appointment => AvailabilityReasonCode.Appointment,
            SlotReasonCode.AppointmentBuffer => AvailabilityReasonCode.AppointmentBuffer,
            SlotReasonCode.ExternalBusy => AvailabilityReasonCode.OutlookBusy,
            SlotReasonCode.NoMemberFree => AvailabilityReasonCode.NoMemberFree,
            SlotReasonCode.MemberBusy => AvailabilityReasonCode.MemberBusy,
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.Code, "A reason code the API does not know."),
        },

        // A calendar without members is its own owner: no user to name.
        definition.UserIds.Count == 0 ? null : reason.OwnerId,
        reason.Start?.InZone(zone).ToDateTimeOffset(),
        reason.End?.InZone(zone).ToDateTimeOffset(),
        reason.Item switch
        {
            AppointmentBusyItem a => new AppointmentSource(a.AppointmentId, a.CalendarId),
            ExternalBusyItem x => new OutlookSource(x.SourceId, x.ShowAs, x.Subject),
            _ => null,
        });

    private static TimeInterval Interval(DateTimeOffset start, DateTimeOffset end) =>
        new(Instant.FromDateTimeOffset(start), Instant.FromDateTimeOffset(end));

    // A member on a silo of the previous release (a rolling upgrade) has no version: its answers are not cached.
    private const long NoVersion = -1;

    private static Task<long> VersionAsync(IAvailabilityGrain member) =>
        PreviousRelease.CallAsync(member.GetVersionAsync, () => Task.FromResult(NoVersion));

    private static Task<FreeSlotAnswer> ProbeAsync(IAvailabilityGrain member, FreeSlotProbe probe) =>
        PreviousRelease.CallAsync(
            () => member.ProbeAsync(probe),
            async () => new FreeSlotAnswer(await member.AreFreeAsync(probe), NoVersion));

    private void Remember(FreeSlotsQuery query, CachedAnswer answer)
    {
        if (_answers.Count >= MaxCachedAnswers && !_answers.ContainsKey(query))
        {
            _answers.Clear();
        }

        _answers[query] = answer;
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

    /// <summary>An answer, the member versions it was computed under, and when the horizon moves past one of its slots.</summary>
    private sealed record CachedAnswer(long[] Versions, Instant ValidUntil, FreeSlots Answer);
}
