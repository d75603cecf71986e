namespace OrleansCalendar.Grains.Availability;

/// <summary>Where a hold stands. Every status but <see cref="Released"/> blocks time.</summary>
public enum HoldStatus
{
    /// <summary>Taken for a booking or move in flight; confirmed by the appointment or checked with it.</summary>
    Held,

    /// <summary>The appointment stands at this revision.</summary>
    Confirmed,

    /// <summary>A cancel is in flight: still blocking until the appointment's cancel is stored.</summary>
    Releasing,

    /// <summary>The appointment is cancelled: its time is free, the entry stays for listing.</summary>
    Released,
}
