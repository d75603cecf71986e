using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Users;

/// <summary><c>GET /me</c> (and <c>/users/{id}</c> for the caller itself).</summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder user)
    {
        user.MapGet("/", GetUser);
        return user;
    }

    private static IResult GetUser(HttpContext context)
    {
        var caller = GraphAuthentication.CallerOf(context);
        caller.RequireProfileRead();
        var mailbox = caller.Mailbox;
        var body = new JsonObject
        {
            ["@odata.context"] = GraphPaging.MetadataContext(context, "users/$entity"),
            ["businessPhones"] = new JsonArray(),
            ["displayName"] = mailbox.DisplayName,
            ["givenName"] = mailbox.GivenName,
            ["jobTitle"] = null,
            ["mail"] = mailbox.Email,
            ["mobilePhone"] = null,
            ["officeLocation"] = null,
            ["preferredLanguage"] = "en-US",
            ["surname"] = mailbox.Surname,
            ["userPrincipalName"] = mailbox.Email,
            ["id"] = mailbox.Id,
        };
        return GraphResponses.Json(ODataQuery.From(context.Request).ApplySelect(body));
    }
}
