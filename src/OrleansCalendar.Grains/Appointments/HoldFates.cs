using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;

namespace OrleansCalendar.Grains.Appointments;

/// <summary>What an appointment's stored state says about the hold of one of its revisions on a member's availability.</summary>
public static class HoldFates
{
    public static HoldFate Of(AppointmentState stored, int revision) =>
        !stored.Exists || stored.Revision != revision ? HoldFate.NotCurrent
        : stored.Status == AppointmentStatus.Confirmed ? HoldFate.Current
        : HoldFate.Cancelled;

    /// <summary>
    /// Whether <paramref name="revision"/> is newer than what storage holds, so that another activation of the
    /// appointment (during a silo's shutdown, or any other duplicate activation) may still be writing it: its hold may
    /// be dropped only once that write can no longer land (<see cref="AppointmentGrain"/>'s fence).
    /// </summary>
    public static bool MayStillBeWritten(AppointmentState stored, int revision) => !stored.Exists || stored.Revision < revision;
}
