using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>Why a slot cannot be booked. Codes are never renamed; new ones may be added.</summary>
public enum AvailabilityReasonCode
{
    [JsonStringEnumMemberName("outside-hours")]
    [Description("The slot does not lie wholly inside the calendar's weekly hours.")]
    OutsideHours,

    [JsonStringEnumMemberName("minimum-notice")]
    [Description("The slot starts sooner than the calendar's minimumNoticeMinutes from now (`start`: now, `end`: the first start allowed).")]
    MinimumNotice,

    [JsonStringEnumMemberName("beyond-booking-window")]
    [Description("The slot starts later than bookingWindowDays from now (`start`: the last start allowed).")]
    BeyondBookingWindow,

    [JsonStringEnumMemberName("appointment")]
    [Description("An appointment of the member overlaps the slot (`source`: the appointment and its calendar; `start`/`end`: its time).")]
    Appointment,

    [JsonStringEnumMemberName("appointment-buffer")]
    [Description("An appointment blocks the slot only through buffers: its calendar's around it, or this calendar's around the slot.")]
    AppointmentBuffer,

    [JsonStringEnumMemberName("outlook-busy")]
    [Description("An event on one of the member's Outlook conflict calendars blocks the slot (`source`: the calendar, showAs and, where details may be shown, the subject).")]
    OutlookBusy,

    [JsonStringEnumMemberName("no-member-free")]
    [Description("Team calendar that needs one free member: every member is busy (each named by `member-busy`).")]
    NoMemberFree,

    [JsonStringEnumMemberName("member-busy")]
    [Description("A member of a team calendar is busy (`userId`); the member's own reasons follow.")]
    MemberBusy,

    [JsonStringEnumMemberName("off-grid")]
    [Description("The time lies inside the weekly hours but is not a slot start: slots start at each range's start and every slotIntervalMinutes after it.")]
    OffGrid,
}
