namespace OrleansCalendar.Abstractions.Connections;

public enum SyncDirection
{
    /// <summary>Appointments are pushed to Outlook; changes to the pushed copies in Outlook are ignored.</summary>
    OneWay,

    /// <summary>Moving or deleting a pushed copy in Outlook reschedules or cancels the appointment.</summary>
    TwoWay,
}
