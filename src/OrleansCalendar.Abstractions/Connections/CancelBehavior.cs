namespace OrleansCalendar.Abstractions.Connections;

/// <summary>What happens to the pushed Outlook event when its appointment is cancelled.</summary>
public enum CancelBehavior
{
    Delete,
    MarkCancelled,
}
