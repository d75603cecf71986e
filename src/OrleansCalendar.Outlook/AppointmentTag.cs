namespace OrleansCalendar.Outlook;

/// <summary>The single-value extended property that marks an Outlook event as the copy of one of our appointments.</summary>
public static class AppointmentTag
{
    /// <summary>A string property in our own property set (a GUID that belongs to this project).</summary>
    public const string PropertyId = "String {4f3b6a1e-2c7d-4e8a-9b51-0d6c2e7f9a34} Name OrleansCalendarAppointmentId";
}
