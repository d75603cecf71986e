namespace OrleansCalendar.Abstractions.Connections;

/// <summary>Where to send the user to consent, and until when that link works.</summary>
[GenerateSerializer, Immutable]
public sealed record ConnectStart([property: Id(0)] Uri AuthorizationUrl, [property: Id(1)] DateTimeOffset ExpiresAt);
