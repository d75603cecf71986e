using System.Text.RegularExpressions;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>
/// The event resources the emulator can watch: <c>me/events</c> (every calendar), <c>me/calendar/events</c>,
/// <c>me/calendars/{id}/events</c> and the same under <c>users/{id or upn}</c> for the caller.
/// </summary>
internal static partial class SubscriptionResource
{
    /// <summary>The watched calendar id, or null for every calendar of the caller's mailbox.</summary>
    public static string? CalendarOf(string resource, GraphCaller caller, MailboxStore mailboxes)
    {
        var match = Pattern().Match(resource.Trim());
        if (!match.Success)
        {
            throw new GraphErrorException(400, "InvalidRequest",
                $"Resource '{resource}' is not supported. The emulator supports me/events, me/calendar/events and me/calendars/{{id}}/events.");
        }

        if (match.Groups["user"].Success && !caller.Mailbox.IsNamedBy(match.Groups["user"].Value))
        {
            throw GraphErrorException.AccessDenied();
        }

        if (match.Groups["default"].Success)
        {
            return mailboxes.DefaultCalendar(caller.Mailbox.Id).Id;
        }

        if (match.Groups["calendar"].Success)
        {
            return mailboxes.FindCalendar(caller.Mailbox.Id, match.Groups["calendar"].Value)?.Id
                ?? throw new GraphErrorException(404, "ExtensionError",
                    "Operation: Create; Exception: [Status Code: NotFound; Reason: The specified object was not found in the store.]");
        }

        return null;
    }

    [GeneratedRegex(
        @"^/?(?:me|users/(?<user>[^/()']+)|users\('(?<user>[^']+)'\))/(?:(?<default>calendar)/|calendars/(?<calendar>[^/()']+)/|calendars\('(?<calendar>[^']+)'\)/)?events$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
