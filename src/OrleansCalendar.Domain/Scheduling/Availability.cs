namespace OrleansCalendar.Domain.Scheduling;

/// <summary>Whether a requested interval may be booked under a calendar's rules, and if not, why.</summary>
public enum Availability
{
    Available,
    OutsideHours,
    TooSoon,
    TooFar,
}
