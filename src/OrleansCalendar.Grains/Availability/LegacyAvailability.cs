using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Grains.Availability;

/// <summary>
/// The previous release kept every reservation an owner ever had, and every imported interval, in one record
/// (<see cref="AvailabilityState"/>). On activation it is moved into day pages, source records and the archive, and
/// then sealed: a seal is a reservation covering all time, so a silo of the previous release that activates this
/// owner during a rolling upgrade sees everything busy and books nothing, instead of seeing nothing booked.
/// </summary>
internal static class LegacyAvailability
{
    public const string SealId = "moved-to-day-pages";

    public static AvailabilityState Sealed(Dictionary<string, List<ExternalBusyRecord>> external) => new()
    {
        Reservations =
        [
            new ReservationRecord
            {
                Reservation = new Reservation(SealId, int.MaxValue, "", DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, false),
                Confirmed = true,
            },
        ],

        // Kept as they were, so moving the record again (after a crash before the directory noted the seal) changes nothing.
        External = external,
    };

    /// <summary>The holds the record describes: confirmed ones as confirmed, pending ones still to be checked.</summary>
    public static IEnumerable<HoldRecord> Holds(AvailabilityState legacy) =>
        legacy.Reservations
            .Where(r => r.Reservation.AppointmentId != SealId)
            .Select(r => new HoldRecord
            {
                Reservation = r.Reservation,
                Status = r.Confirmed ? HoldStatus.Confirmed : HoldStatus.Held,
                CheckAt = r.Confirmed ? null : r.PendingUntil,
            });
}
