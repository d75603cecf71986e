namespace OrleansCalendar.Abstractions.Connections;

/// <summary>Read can fetch events; pushing appointments needs ReadWrite.</summary>
public enum OutlookAccessLevel
{
    Read,
    ReadWrite,
}
