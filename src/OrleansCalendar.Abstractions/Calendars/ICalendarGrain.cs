using Orleans.Concurrency;
using OrleansCalendar.Abstractions.Appointments;

namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>
/// A booking calendar, keyed <c>{subAccountId}/{calendarId}</c>. It owns the booking rules, checks every
/// booking and reschedule against them, and picks the member for round-robin bookings.
/// </summary>
public interface ICalendarGrain : IGrainWithStringKey
{
    Task<CalendarDetails> CreateAsync(CalendarDefinition definition);

    /// <summary>The calendar, or null when it does not exist (or was deleted). Interleaves with bookings in flight.</summary>
    [AlwaysInterleave]
    Task<CalendarDetails?> GetAsync();

    Task<CalendarDetails> UpdateAsync(CalendarDefinition definition);

    /// <summary>Deletes the calendar; its existing appointments are kept.</summary>
    Task DeleteAsync();

    /// <summary>Books an appointment: 422 <c>outside-availability</c> or 409 <c>slot-unavailable</c> when it cannot.</summary>
    /// <remarks>
    /// Bookings of one calendar run side by side: the grain class says so (<c>[MayInterleave]</c>), not this
    /// interface, because a caller applies an interface's <c>[AlwaysInterleave]</c> to the request and a calendar of
    /// the previous release, still running during a rolling upgrade, must not get interleaved bookings.
    /// </remarks>
    Task<AppointmentDetails> BookAsync(BookingRequest request);

    /// <summary>
    /// Free slots, answered from our own state (never from Microsoft). Interleaves, so slot queries run while a
    /// booking of this calendar is in flight and do not queue behind it.
    /// </summary>
    [AlwaysInterleave]
    Task<FreeSlots> GetFreeSlotsAsync(FreeSlotsQuery query);

    /// <summary>
    /// Why each slot of one day can or cannot be booked, from the same state and rules as <see cref="GetFreeSlotsAsync"/>
    /// (a slot is bookable exactly when free slots offer it). Interleaves like it.
    /// </summary>
    [AlwaysInterleave]
    Task<AvailabilityExplanation> ExplainAvailabilityAsync(AvailabilityQuery query);

    /// <summary>Checks a move of an existing appointment against the rules and returns the plan for it.</summary>
    [AlwaysInterleave]
    Task<AppointmentPlan> PlanMoveAsync(IReadOnlyList<string> userIds, DateTimeOffset start, DateTimeOffset? end);
}
