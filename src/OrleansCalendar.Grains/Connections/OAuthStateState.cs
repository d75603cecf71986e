using OrleansCalendar.Abstractions.Connections;

namespace OrleansCalendar.Grains.Connections;

[GenerateSerializer]
public sealed class OAuthStateState
{
    [Id(0)]
    public PendingAuthorization? Authorization { get; set; }
}
