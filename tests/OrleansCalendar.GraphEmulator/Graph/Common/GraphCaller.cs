using OrleansCalendar.GraphEmulator.Graph.Users;
using OrleansCalendar.GraphEmulator.Identity;

namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>The signed-in user and permissions behind a Graph request's bearer token.</summary>
internal sealed record GraphCaller(MailboxData Mailbox, IReadOnlyList<string> Scopes, string ClientId)
{
    public void RequireCalendarRead()
    {
        if (!Identity.Scopes.CanReadCalendars(Scopes))
        {
            throw GraphErrorException.AccessDenied();
        }
    }

    public void RequireCalendarWrite()
    {
        if (!Identity.Scopes.CanWriteCalendars(Scopes))
        {
            throw GraphErrorException.AccessDenied();
        }
    }

    public void RequireProfileRead()
    {
        if (!Identity.Scopes.CanReadProfile(Scopes))
        {
            throw new GraphErrorException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
    }
}
