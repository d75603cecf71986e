namespace OrleansCalendar.Domain.Scheduling;

/// <summary>The calendar rules a slot breaks before busy time is looked at; <see cref="None"/> when it keeps them all.</summary>
[Flags]
public enum RuleBreaks
{
    None = 0,

    /// <summary>It does not lie wholly inside one weekly-hours window.</summary>
    OutsideHours = 1,

    /// <summary>It lies inside a window but does not start on the window's slot grid, so it is never offered.</summary>
    OffGrid = 2,

    /// <summary>It starts earlier than now plus the minimum notice.</summary>
    MinimumNotice = 4,

    /// <summary>It starts later than now plus the booking window.</summary>
    BeyondBookingWindow = 8,
}
