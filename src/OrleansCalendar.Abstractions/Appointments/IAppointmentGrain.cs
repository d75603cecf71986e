using Orleans.CodeGeneration;
using Orleans.Concurrency;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Abstractions.Appointments;

/// <summary>
/// One appointment, keyed <c>{subAccountId}/{appointmentId}</c>. It reserves its interval on every member's
/// availability atomically (all or none) and keeps those reservations in step through reschedule and cancel.
/// It is the truth about its holds: when an availability grain cannot tell a hold's outcome from storage, it asks
/// <see cref="GetHoldFateAsync"/>.
/// </summary>
[Version(1)]
public interface IAppointmentGrain : IEventSourceGrain
{
    /// <summary>Reserves the plan on every member and stores the appointment; <c>slot-unavailable</c> if anyone is busy.</summary>
    /// <remarks>Kept for callers of the previous release; books as <see cref="ChangedBy.Api"/>.</remarks>
    Task<AppointmentDetails> CreateAsync(AppointmentPlan plan, string? title, Contact contact, string? notes);

    /// <summary>The same, saying who books (<see cref="ChangedBy"/>) for the <c>appointment.created</c> event.</summary>
    Task<AppointmentDetails> CreateAsync(AppointmentPlan plan, string? title, Contact contact, string? notes, string changedBy);

    /// <summary>The appointment, or null when it does not exist. Interleaves: Outlook sync reads it while pushing.</summary>
    [AlwaysInterleave]
    Task<AppointmentDetails?> GetAsync();

    /// <summary>
    /// Applies a partial update. A new start is re-checked by the calendar like a booking (422/409), and the
    /// old interval stays held until the new one is, so a failed move leaves the appointment as it was.
    /// </summary>
    Task<AppointmentDetails> ChangeAsync(AppointmentChanges changes);

    /// <summary>Cancels and frees the interval on every member at once. Idempotent.</summary>
    Task<AppointmentDetails> CancelAsync();

    /// <summary>Whether <paramref name="revision"/> is this appointment's current, confirmed reservation.</summary>
    /// <remarks>
    /// Asked by availability grains of the previous release; <see cref="GetHoldFateAsync"/> replaces it. Where that
    /// answers <c>Unknown</c>, this throws: the asking grain keeps the hold and asks again later.
    /// </remarks>
    [AlwaysInterleave]
    Task<bool> IsCurrentReservationAsync(int revision);

    /// <summary>
    /// What became of the hold of <paramref name="revision"/>, from what this appointment has stored; <c>Unknown</c>
    /// while a change is in flight. <c>NotCurrent</c> for a revision newer than what is stored comes only once the
    /// record is fenced (rewritten), so that no other activation's write of that revision can land after it.
    /// </summary>
    /// <remarks>Interleaves, so an availability grain can ask while this appointment is waiting on it.</remarks>
    [AlwaysInterleave]
    Task<HoldFate> GetHoldFateAsync(int revision);

    /// <summary>How the member's Outlook copy should look now; null when it is not pushed to that member.</summary>
    [AlwaysInterleave]
    Task<Connections.AppointmentPush?> GetPushAsync(string userId);

    /// <summary>The Outlook push state of one member, reported by that member's integration.</summary>
    [OneWay]
    Task ReportSyncAsync(AppointmentSync sync);

    /// <summary>
    /// Two-way sync: the member moved (<paramref name="start"/>/<paramref name="end"/>) or deleted
    /// (<paramref name="cancelled"/>) the Outlook copy. A move is checked like a reschedule; a refused one leaves the
    /// appointment as it is and the member's sync entry failed with the reason.
    /// </summary>
    [OneWay]
    Task ApplyOutlookChangeAsync(string userId, DateTimeOffset start, DateTimeOffset end, bool cancelled);
}
