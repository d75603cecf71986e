namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>Send the user to <c>authorizationUrl</c> before <c>expiresAt</c>.</summary>
public sealed record ConnectOutlookResponse(Uri AuthorizationUrl, DateTimeOffset ExpiresAt);
