namespace OrleansCalendar.Abstractions.Connections;

/// <summary>
/// An authorization in flight, kept under its random <c>state</c> for at most ten minutes and usable once.
/// The PKCE verifier is stored encrypted.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PendingAuthorization(
    [property: Id(0)] string SubAccountId,
    [property: Id(1)] string UserId,
    [property: Id(2)] OutlookAccessLevel Access,
    [property: Id(3)] Uri RedirectUri,
    [property: Id(4)] Uri? ReturnUrl,
    [property: Id(5)] string ProtectedCodeVerifier,
    [property: Id(6)] DateTimeOffset ExpiresAt);
