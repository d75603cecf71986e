namespace OrleansCalendar.Grains.Calendars;

[GenerateSerializer]
public sealed class CalendarDirectoryState
{
    [Id(0)]
    public string? SubAccountId { get; set; }
}
