namespace OrleansCalendar.Abstractions.Events;

/// <summary>The grain that produced an event, so its fate can be asked of it.</summary>
public enum EventSourceKind
{
    /// <summary>Not a stored change (a test ping): nothing to ask.</summary>
    None,

    /// <summary>An appointment grain, key <c>{subAccountId}/{appointmentId}</c>.</summary>
    Appointment,

    /// <summary>An Outlook integration grain, key <c>{subAccountId}/{userId}</c>.</summary>
    OutlookIntegration,
}
