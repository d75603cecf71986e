namespace OrleansCalendar.Abstractions.Appointments;

public enum AppointmentStatus
{
    Confirmed,
    Cancelled,
}
