using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Grains.Availability;

/// <summary>One revision of an appointment on an owner's time, stored in the page of the UTC day its blocked interval starts.</summary>
[GenerateSerializer]
public sealed class HoldRecord
{
    [Id(0)]
    public required Reservation Reservation { get; set; }

    [Id(1)]
    public HoldStatus Status { get; set; }

    /// <summary>
    /// Set while storage may not tell this hold's truth (a booking, move or cancel in flight, or a confirmation not
    /// yet written): at this time the appointment is asked.
    /// </summary>
    [Id(2)]
    public DateTimeOffset? CheckAt { get; set; }

    public bool Blocks => Status != HoldStatus.Released;

    /// <summary>
    /// This hold as its page last wrote it, kept so that rewriting a busy day's page formats only the holds that
    /// changed (<see cref="DayPageJsonConverter"/>). Memory only.
    /// </summary>
    [NonSerialized]
    internal WrittenHold? Written;
}
