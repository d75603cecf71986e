namespace OrleansCalendar.Abstractions.Availability;

public enum BusySource
{
    Appointment,
    Outlook,
}
