using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Serialization.Invocation;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Grains.Upgrades;
using Bookability = OrleansCalendar.Domain.Scheduling.Availability;

namespace OrleansCalendar.Grains.Calendars;

[MayInterleave(nameof(InterleavesBooking))]
public sealed class CalendarGrain(
    [PersistentState("calendar", StorageNames.Default)] IPersistentState<CalendarState> state,
    TimeProvider clock,
    ILogger<CalendarGrain> logger) : Grain, ICalendarGrain
{
    /// <summary>
    /// Bookings interleave with everything: the members' availability grains are what serialize competing bookings,
    /// so a popular calendar is not limited to one booking at a time.
    /// </summary>
    public static bool InterleavesBooking(IInvokable request) => request.GetArgumentCount() == 1 && request.GetArgument(0) is BookingRequest;

    /// <summary>How long round-robin counts may wait in memory before they are written.</summary>
    private static readonly TimeSpan CountsFlushDelay = TimeSpan.FromSeconds(5);

    private SlotRules? _rules;
    private FreeSlotsCalculator? _freeSlots;

    /// <summary>
    /// Bookings per member for round-robin fairness: a statistic, written behind. Kept apart from the stored state so
    /// that interleaved bookings never change what a write is serializing. A crash loses at most the last seconds of
    /// counts, which changes only who gets a later booking, never whether one is kept.
    /// </summary>
    private Dictionary<string, int> _counts = [];
    private bool _countsDirty;
    private IGrainTimer? _countsTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _counts = new Dictionary<string, int>(state.State.BookingCounts, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushCountsAsync(CancellationToken.None);

    private string SubAccountId => GrainKeys.Split(this.GetPrimaryKeyString()).SubAccountId;

    private string CalendarId => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    private CalendarDefinition Definition => state.State.Definition!;

    private SlotRules Rules => _rules ??= CalendarRules.ToSlotRules(Definition);

    private FreeSlotsCalculator FreeSlotsCalculator => _freeSlots ??= new FreeSlotsCalculator(SubAccountId, CalendarId, Definition, Rules);

    public async Task<CalendarDetails> CreateAsync(CalendarDefinition definition)
    {
        if (state.State.Exists)
        {
            throw CalendarException.Conflict(ErrorCodes.CalendarExists, "A calendar with this id already exists.");
        }

        var now = clock.GetUtcNow();
        state.State = new CalendarState { Exists = true, Definition = definition, CreatedAt = now, UpdatedAt = now, BookingCounts = new(_counts) };
        Invalidate();
        await state.WriteOrReloadAsync(this, Invalidate);
        return Details();
    }

    public Task<CalendarDetails?> GetAsync() => Task.FromResult(state.State.Exists ? Details() : null);

    public async Task<CalendarDetails> UpdateAsync(CalendarDefinition definition)
    {
        EnsureExists();
        state.State.Definition = definition;
        state.State.UpdatedAt = clock.GetUtcNow();
        state.State.BookingCounts = new(_counts);
        Invalidate();
        await state.WriteOrReloadAsync(this, Invalidate);
        return Details();
    }

    public async Task DeleteAsync()
    {
        EnsureExists();
        state.State.Exists = false;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.WriteOrReloadAsync(this, Invalidate);
    }

    public async Task<AppointmentDetails> BookAsync(BookingRequest request)
    {
        EnsureExists();
        var members = MembersFor(request.UserId);
        var plan = Plan(members, request.Start, request.End);
        var appointmentId = request.AppointmentId ?? Ids.New(Ids.AppointmentPrefix);

        if (Definition.Type != CalendarType.RoundRobin)
        {
            var booked = await CreateAsync(Appointment(appointmentId), plan, request);
            Count(plan.UserIds);
            return booked;
        }

        // Round robin: the free member with the fewest bookings; on a lost race, the next one.
        foreach (var member in await FreeMembersByFairnessAsync(members, plan))
        {
            try
            {
                var booked = await CreateAsync(Appointment(appointmentId), plan with { UserIds = [member] }, request);
                Count([member]);
                return booked;
            }
            catch (CalendarException e) when (e.Code == ErrorCodes.SlotUnavailable)
            {
            }
        }

        throw CalendarException.Conflict(ErrorCodes.SlotUnavailable, "No member of this calendar is free at the requested time.");
    }

    public Task<FreeSlots> GetFreeSlotsAsync(FreeSlotsQuery query)
    {
        EnsureExists();
        return FreeSlotsCalculator.CalculateAsync(query, GrainFactory, Instant.FromDateTimeOffset(clock.GetUtcNow()));
    }

    public Task<AvailabilityExplanation> ExplainAvailabilityAsync(AvailabilityQuery query)
    {
        EnsureExists();
        return FreeSlotsCalculator.ExplainAsync(query, GrainFactory, Instant.FromDateTimeOffset(clock.GetUtcNow()));
    }

    public Task<AppointmentPlan> PlanMoveAsync(IReadOnlyList<string> userIds, DateTimeOffset start, DateTimeOffset? end)
    {
        EnsureExists();
        return Task.FromResult(Plan(userIds, start, end));
    }

    /// <summary>Checks a requested interval against the rules and widens it by the buffers.</summary>
    private AppointmentPlan Plan(IReadOnlyList<string> members, DateTimeOffset start, DateTimeOffset? end)
    {
        var rules = Rules;
        var startInstant = Instant.FromDateTimeOffset(start);
        var interval = new TimeInterval(startInstant, startInstant + rules.SlotDuration);
        if (end is { } requestedEnd && Instant.FromDateTimeOffset(requestedEnd) != interval.End)
        {
            throw CalendarException.InvalidField("end", $"must be the start plus the calendar's {Definition.SlotDurationMinutes} minutes, or omitted.");
        }

        var availability = SlotGenerator.Check(rules, interval, Instant.FromDateTimeOffset(clock.GetUtcNow()));
        if (availability != Bookability.Available)
        {
            throw CalendarException.Unprocessable(ErrorCodes.OutsideAvailability, availability switch
            {
                Bookability.TooSoon => $"The calendar needs {Definition.MinimumNoticeMinutes} minutes' notice.",
                Bookability.TooFar => $"The calendar takes bookings at most {Definition.BookingWindowDays} days ahead.",
                _ => "The requested time is outside the calendar's hours.",
            });
        }

        var blocked = interval.Widen(rules.BufferBefore, rules.BufferAfter);
        return new AppointmentPlan(CalendarId, members, start, interval.End.ToDateTimeOffset(),
            blocked.Start.ToDateTimeOffset(), blocked.End.ToDateTimeOffset(), Definition.Type == CalendarType.Event,
            Definition.TimeZone, PushToOutlook: Definition.Type != CalendarType.Event && Definition.OutlookSync);
    }

    private IReadOnlyList<string> MembersFor(string? userId)
    {
        var members = Definition.UserIds;
        if (userId is null)
        {
            return members;
        }

        if (!members.Contains(userId))
        {
            throw CalendarException.Unprocessable(ErrorCodes.NotACalendarMember, "The user is not a member of this calendar.");
        }

        return Definition.Type == CalendarType.Collective ? members : [userId];
    }

    private async Task<IReadOnlyList<string>> FreeMembersByFairnessAsync(IReadOnlyList<string> members, AppointmentPlan plan)
    {
        var probe = new FreeSlotProbe([plan.BlockedStart.ToUnixTimeMilliseconds()], [plan.BlockedEnd.ToUnixTimeMilliseconds()], IncludeExternal: true);
        var answers = await Task.WhenAll(members.Select(m =>
            GrainFactory.GetGrain<IAvailabilityGrain>(GrainKeys.Scoped(SubAccountId, m)).AreFreeAsync(probe)));
        var free = members.Where((_, i) => answers[i][0]).ToList();
        var counts = _counts;
        var ordered = new List<string>();
        while (free.Count > 0)
        {
            var next = RoundRobin.Pick(free, counts);
            ordered.Add(next);
            free.Remove(next);
        }

        return ordered;
    }

    private void Count(IReadOnlyList<string> userIds)
    {
        foreach (var user in userIds)
        {
            _counts[user] = _counts.GetValueOrDefault(user) + 1;
        }

        ScheduleCountsFlush();
    }

    private void ScheduleCountsFlush()
    {
        if (!_countsDirty)
        {
            _countsDirty = true;
            _countsTimer ??= this.RegisterGrainTimer(FlushCountsAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            _countsTimer.Change(CountsFlushDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FlushCountsAsync(CancellationToken cancellationToken)
    {
        if (!_countsDirty || !state.State.Exists)
        {
            return;
        }

        _countsDirty = false;
        state.State.BookingCounts = new(_counts);
        var attempt = await state.TryWriteAsync(this, Invalidate);
        if (!attempt.Stored)
        {
            logger.LogWarning("Writing round-robin counts of calendar {CalendarId} failed; trying again later", CalendarId);
            ScheduleCountsFlush();
        }
    }

    /// <summary>Rules and slot caches belong to one definition: a change starts them afresh.</summary>
    private void Invalidate()
    {
        _rules = null;
        _freeSlots = null;
    }

    /// <summary>
    /// Creates the appointment, saying who books; an appointment activated by a silo of the previous release (during
    /// a rolling upgrade) books with the method it knows, as that release did.
    /// </summary>
    private static Task<AppointmentDetails> CreateAsync(IAppointmentGrain appointment, AppointmentPlan plan, BookingRequest request) =>
        PreviousRelease.CallAsync(
            () => appointment.CreateAsync(plan, request.Title, request.Contact, request.Notes, request.ChangedBy),
            () => appointment.CreateAsync(plan, request.Title, request.Contact, request.Notes));

    private IAppointmentGrain Appointment(string appointmentId) =>
        GrainFactory.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(SubAccountId, appointmentId));

    private void EnsureExists()
    {
        if (!state.State.Exists)
        {
            throw CalendarException.NotFound(ErrorCodes.CalendarNotFound, "The calendar does not exist.");
        }
    }

    private CalendarDetails Details() => new(CalendarId, SubAccountId, Definition, state.State.CreatedAt, state.State.UpdatedAt);
}
