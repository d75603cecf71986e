namespace OrleansCalendar.Grains.SubAccounts;

[GenerateSerializer]
public sealed class SubAccountState
{
    [Id(0)]
    public bool Exists { get; set; }

    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public string TimeZone { get; set; } = "";

    [Id(3)]
    public byte[] ApiKeyHash { get; set; } = [];

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Users in creation order; the order makes cursor paging stable.</summary>
    [Id(5)]
    public List<UserRecord> Users { get; set; } = [];

    /// <summary>Booking calendars in creation order.</summary>
    [Id(6)]
    public List<string> CalendarIds { get; set; } = [];
}
