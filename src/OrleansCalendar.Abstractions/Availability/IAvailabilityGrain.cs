using Orleans.CodeGeneration;
using Orleans.Concurrency;

namespace OrleansCalendar.Abstractions.Availability;

/// <summary>
/// The busy time of one bookable owner (a user, keyed <c>{subAccountId}/{userId}</c>, or a calendar without members)
/// from every source: its appointments and, per Outlook calendar, imported events. Every reservation of the owner
/// passes through this one activation, which is what makes double booking impossible. Reads interleave with a
/// reservation in flight (they never await), so slot queries do not queue behind bookings.
/// </summary>
/// <remarks>
/// It holds only the active window: holds of appointments that ended move to the owner's monthly archive
/// (<see cref="Archive.IAppointmentArchiveGrain"/>), so its memory, activation and writes do not grow with history.
/// Version 1 stores holds per day; a grain of this version is kept off silos of the previous release.
/// </remarks>
[Version(1)]
public interface IAvailabilityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Holds the interval if it overlaps nothing busy (the appointment's own other revisions excepted).
    /// The hold is stored as pending: until the appointment confirms it, or when the outcome of the appointment's
    /// own write was lost, the appointment is asked (<see cref="Appointments.IAppointmentGrain.GetHoldFateAsync"/>),
    /// so a crash mid-booking can neither leak busy time nor lose a booking.
    /// </summary>
    Task<bool> TryHoldAsync(Reservation reservation);

    /// <summary>Confirms a revision and drops the appointment's older revisions.</summary>
    Task ConfirmAsync(string appointmentId, int revision);

    /// <summary>
    /// The first step of a cancel: the appointment's holds are stored as releasing (still blocking), so that the
    /// cancel completes even if the caller dies before <see cref="ReleaseAsync"/>.
    /// </summary>
    Task BeginReleaseAsync(string appointmentId);

    /// <summary>
    /// Drops one revision (a failed booking or move), or, when <paramref name="revision"/> is null, frees the time of
    /// a cancelled appointment (it stays in the index, as cancelled).
    /// </summary>
    Task ReleaseAsync(string appointmentId, int? revision);

    /// <summary>
    /// Replaces everything imported from one external source (one Outlook calendar) at once; an empty list removes
    /// the source. Other sources and appointments are untouched.
    /// </summary>
    Task ReplaceExternalAsync(string sourceId, IReadOnlyList<ExternalBusy> intervals);

    /// <summary>For each probed interval, whether it overlaps nothing busy. O(log n) per interval, from memory.</summary>
    [AlwaysInterleave]
    Task<bool[]> AreFreeAsync(FreeSlotProbe probe);

    /// <summary>As <see cref="AreFreeAsync"/>, with the version of the busy time that answered.</summary>
    [AlwaysInterleave]
    Task<FreeSlotAnswer> ProbeAsync(FreeSlotProbe probe);

    /// <summary>The version of the busy time now (see <see cref="FreeSlotAnswer"/>).</summary>
    [AlwaysInterleave]
    Task<long> GetVersionAsync();

    /// <summary>The busy view: merged intervals per source, for people and dashboards.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<BusyInterval>> GetBusyViewAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// The busy items whose blocked time overlaps [from, to), with their details (see <see cref="BusyDetails"/>): what
    /// an explanation of free slots names. From memory.
    /// </summary>
    [AlwaysInterleave]
    Task<BusyDetails> GetBusyDetailsAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Reservations that block time (one per appointment, the newest revision) overlapping [from, to).</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Reservation>> GetReservationsAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// The index of the owner's appointments in the active window overlapping [from, to), cancelled ones included;
    /// older ones are in the archive.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<AppointmentIndexEntry>> ListAppointmentsAsync(DateTimeOffset from, DateTimeOffset to);
}
