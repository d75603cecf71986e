using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Grains.Availability;

[GenerateSerializer]
public sealed class ReservationRecord
{
    [Id(0)]
    public required Reservation Reservation { get; set; }

    /// <summary>False while the booking is in flight; a pending hold blocks time like a confirmed one.</summary>
    [Id(1)]
    public bool Confirmed { get; set; }

    /// <summary>When an unconfirmed hold is checked with its appointment.</summary>
    [Id(2)]
    public DateTimeOffset PendingUntil { get; set; }
}
