namespace OrleansCalendar.Domain.Scheduling;

/// <summary>Why a slot is not offered.</summary>
public enum SlotReasonCode
{
    /// <summary>The slot does not lie wholly inside one weekly-hours window.</summary>
    OutsideHours,

    /// <summary>The slot lies inside a window but does not start on its slot grid.</summary>
    OffGrid,

    /// <summary>The slot starts earlier than now plus the minimum notice.</summary>
    MinimumNotice,

    /// <summary>The slot starts later than now plus the booking window.</summary>
    BeyondBookingWindow,

    /// <summary>An appointment's own time overlaps the slot.</summary>
    Appointment,

    /// <summary>An appointment blocks the slot only through buffers (its own or the calendar's).</summary>
    AppointmentBuffer,

    /// <summary>Busy time imported from an external (Outlook) calendar overlaps the slot widened by the buffers.</summary>
    ExternalBusy,

    /// <summary>A team calendar that needs one free member has none.</summary>
    NoMemberFree,

    /// <summary>A member of a team calendar is busy; the member's own reasons follow.</summary>
    MemberBusy,
}
