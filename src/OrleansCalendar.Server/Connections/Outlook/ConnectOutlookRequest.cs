using OrleansCalendar.Abstractions.Connections;

namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>Starts connecting Outlook. <c>returnUrl</c> (absolute http/https) receives <c>?status=connected|denied</c>.</summary>
public sealed record ConnectOutlookRequest(OutlookAccessLevel? Access, string? ReturnUrl);
