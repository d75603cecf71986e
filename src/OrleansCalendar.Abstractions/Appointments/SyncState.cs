namespace OrleansCalendar.Abstractions.Appointments;

/// <summary>Where an appointment's copy in one member's Outlook stands.</summary>
public enum SyncState
{
    Pending,
    Synced,
    Failed,
    NotApplicable,
}
