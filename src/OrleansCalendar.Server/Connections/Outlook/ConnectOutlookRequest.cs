using System.ComponentModel.DataAnnotations;
using OrleansCalendar.Abstractions.Connections;

namespace OrleansCalendar.Server.Connections.Outlook;

/// <summary>Starts connecting Outlook. <c>returnUrl</c> (absolute http/https) receives <c>?status=connected|denied</c>.</summary>
public sealed record ConnectOutlookRequest([property: Required] OutlookAccessLevel? Access, string? ReturnUrl = null);
