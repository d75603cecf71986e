namespace OrleansCalendar.Abstractions.Availability;

/// <summary>What an appointment says about one of its holds, when the availability grain cannot tell from storage.</summary>
public enum HoldFate
{
    /// <summary>The revision is the appointment's current one and it stands: the hold blocks time.</summary>
    Current,

    /// <summary>The revision is the appointment's current one and it is cancelled: the hold is kept for listing only.</summary>
    Cancelled,

    /// <summary>The appointment does not exist or has moved on to another revision: the hold goes.</summary>
    NotCurrent,

    /// <summary>A change of the appointment is still in flight: ask again later.</summary>
    Unknown,
}
