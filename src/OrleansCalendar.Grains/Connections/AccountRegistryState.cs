namespace OrleansCalendar.Grains.Connections;

[GenerateSerializer]
public sealed class AccountRegistryState
{
    /// <summary>The integration (<c>{subAccountId}/{userId}</c>) holding the account, if any.</summary>
    [Id(0)]
    public string? IntegrationKey { get; set; }
}
