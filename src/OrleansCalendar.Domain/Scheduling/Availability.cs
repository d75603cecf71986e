namespace OrleansCalendar.Domain.Scheduling;

/// <summary>Whether a requested interval may be booked under a calendar's rules, and if not, why.</summary>
public enum Availability
{
    Available,

    /// <summary>The interval does not lie wholly inside one weekly-hours window.</summary>
    OutsideHours,

    /// <summary>The start is earlier than now plus the minimum notice.</summary>
    TooSoon,

    /// <summary>The start is later than now plus the booking window.</summary>
    TooFar,
}
