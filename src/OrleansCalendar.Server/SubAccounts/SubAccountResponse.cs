using OrleansCalendar.Abstractions.SubAccounts;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.SubAccounts;

/// <summary>A sub-account.</summary>
public sealed record SubAccountResponse(string Id, string Name, string TimeZone, DateTimeOffset CreatedAt)
{
    public static SubAccountResponse From(SubAccountDetails d) => new(d.Id, d.Name, d.TimeZone, ResponseTimes.Utc(d.CreatedAt));
}
