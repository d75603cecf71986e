namespace OrleansCalendar.Outlook;

/// <summary>What a connection may do: fetch events only, or also push appointments.</summary>
public enum OutlookAccess
{
    Read,
    ReadWrite,
}
