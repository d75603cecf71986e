using Orleans.Concurrency;

namespace OrleansCalendar.Abstractions.Availability;

/// <summary>
/// The busy time of one bookable owner (a user, keyed <c>{subAccountId}/{userId}</c>) from every source:
/// its appointments and, per Outlook calendar, imported events. Every reservation of the owner passes through
/// this one activation, which is what makes double booking impossible. Reads interleave with a reservation
/// in flight (they never await), so slot queries do not queue behind bookings.
/// </summary>
public interface IAvailabilityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Holds the interval if it overlaps nothing busy (the appointment's own other revisions excepted).
    /// The hold is pending until <see cref="ConfirmAsync"/>; a pending hold that is never confirmed is
    /// checked with its appointment and dropped, so a crash mid-booking cannot leak busy time.
    /// </summary>
    Task<bool> TryHoldAsync(Reservation reservation);

    /// <summary>Confirms a revision and drops the appointment's older revisions.</summary>
    Task ConfirmAsync(string appointmentId, int revision);

    /// <summary>Drops one revision (a failed booking or move), or every revision when null (cancel).</summary>
    Task ReleaseAsync(string appointmentId, int? revision);

    /// <summary>
    /// Replaces everything imported from one external source (one Outlook calendar) at once; an empty list removes
    /// the source. Other sources and appointments are untouched.
    /// </summary>
    Task ReplaceExternalAsync(string sourceId, IReadOnlyList<ExternalBusy> intervals);

    /// <summary>For each probed interval, whether it overlaps nothing busy. O(log n) per interval, from memory.</summary>
    [AlwaysInterleave]
    Task<bool[]> AreFreeAsync(FreeSlotProbe probe);

    /// <summary>The busy view: merged intervals per source, for people and dashboards.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<BusyInterval>> GetBusyViewAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Reservations (one per appointment, the newest revision) overlapping [from, to).</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Reservation>> GetReservationsAsync(DateTimeOffset from, DateTimeOffset to);
}
