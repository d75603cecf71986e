namespace OrleansCalendar.Grains.SubAccounts;

[GenerateSerializer]
public sealed class UserRecord
{
    [Id(0)]
    public string Id { get; set; } = "";

    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public string Email { get; set; } = "";

    [Id(3)]
    public string TimeZone { get; set; } = "";

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }
}
