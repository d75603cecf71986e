using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Outlook;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;
using OrleansCalendar.Server.Users;

namespace OrleansCalendar.Server.Connections.Outlook;

public static class OutlookConnectionApi
{
    public static IEndpointRouteBuilder MapOutlookConnectionApi(this IEndpointRouteBuilder routes)
    {
        var outlook = SubAccountRoutes.Group(routes, "/users/{uid}/connections/outlook").WithTags("Outlook connection");

        outlook.MapPost("/", ConnectAsync)
            .WithName("ConnectOutlook")
            .WithSummary("Start connecting the user's Outlook (OAuth with PKCE)")
            .WithDescription("Returns the Microsoft sign-in URL. Also used to reconnect a connection that needs it; the configuration is kept.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable);

        outlook.MapGet("/", GetAsync)
            .WithName("GetOutlookConnection")
            .WithSummary("The user's Outlook connection")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        outlook.MapGet("/calendars", ListCalendarsAsync)
            .WithName("ListOutlookCalendars")
            .WithSummary("The user's Outlook calendars, live from Outlook")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable);

        outlook.MapPut("/configuration", ConfigureAsync)
            .WithName("ConfigureOutlookConnection")
            .WithSummary("Choose the linked calendar, the conflict calendars and sync preferences")
            .WithDescription("422 linked-calendar-read-only when the connection is read-only or the calendar cannot be edited; 422 unknown-calendar for ids that are not the account's calendars. The linked calendar also counts as a conflict calendar unless linkedCalendarIsConflict is false.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);

        outlook.MapPost("/sync", SyncAsync)
            .WithName("SyncOutlookNow")
            .WithSummary("Sync every conflict calendar now")
            .WithDescription("Returns 202 at once; the sync runs in the background. Watch lastSyncAt and calendars[].state in the connection. 409 needs-reconnect when the connection has to be reconnected first.")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        outlook.MapDelete("/", DisconnectAsync)
            .WithName("DisconnectOutlook")
            .WithSummary("Disconnect Outlook: forget tokens and imported busy time (pushed events stay in Outlook)")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Created<ConnectOutlookResponse>> ConnectAsync(
        string sid, string uid, ConnectOutlookRequest request, HttpContext context, IGrainFactory grains, IOptions<OutlookOptions> outlook, OAuthRedirects redirects)
    {
        await UserRoutes.EnsureUserAsync(grains, sid, uid);
        if (!outlook.Value.IsConfigured)
        {
            throw new CalendarException(ErrorKind.NotConfigured, ErrorCodes.OutlookNotConfigured,
                "Outlook is not configured on this server: set Outlook__ClientId and Outlook__ClientSecret.");
        }

        var v = new RequestValidator();
        if (request.Access is null)
        {
            v.Add("access", "is required: readWrite or read.");
        }

        Uri? returnUrl = null;
        if (request.ReturnUrl is { Length: > 0 } text
            && !(Uri.TryCreate(text, UriKind.Absolute, out returnUrl) && (returnUrl.Scheme == Uri.UriSchemeHttps || returnUrl.Scheme == Uri.UriSchemeHttp)))
        {
            v.Add("returnUrl", "must be an absolute http or https URL.");
        }

        v.ThrowIfInvalid();
        var start = await Integration(grains, sid, uid).BeginConnectAsync(request.Access!.Value, redirects.CallbackUri(context), returnUrl);
        return TypedResults.Created($"/v1/subaccounts/{sid}/users/{uid}/connections/outlook", new ConnectOutlookResponse(start.AuthorizationUrl, ResponseTimes.Utc(start.ExpiresAt)));
    }

    private static async Task<Ok<OutlookConnectionDetails>> GetAsync(string sid, string uid, IGrainFactory grains)
    {
        await UserRoutes.EnsureUserAsync(grains, sid, uid);
        var details = await Integration(grains, sid, uid).GetAsync()
            ?? throw CalendarException.NotFound(ErrorCodes.ConnectionNotFound, "This user has no Outlook connection.");
        return TypedResults.Ok(Shown(details));
    }

    private static async Task<Ok<OutlookCalendarList>> ListCalendarsAsync(string sid, string uid, IGrainFactory grains)
    {
        await UserRoutes.EnsureUserAsync(grains, sid, uid);
        return TypedResults.Ok(new OutlookCalendarList(await Integration(grains, sid, uid).ListCalendarsAsync()));
    }

    private static async Task<Ok<OutlookConnectionDetails>> ConfigureAsync(string sid, string uid, OutlookConfigurationRequest request, IGrainFactory grains)
    {
        await UserRoutes.EnsureUserAsync(grains, sid, uid);
        var configuration = ValidateConfiguration(request);
        return TypedResults.Ok(Shown(await Integration(grains, sid, uid).ConfigureAsync(configuration)));
    }

    private static async Task<Accepted> SyncAsync(string sid, string uid, IGrainFactory grains)
    {
        await UserRoutes.EnsureUserAsync(grains, sid, uid);
        await Integration(grains, sid, uid).RequestSyncAsync();
        return TypedResults.Accepted($"/v1/subaccounts/{sid}/users/{uid}/connections/outlook");
    }

    private static async Task<NoContent> DisconnectAsync(string sid, string uid, IGrainFactory grains)
    {
        await UserRoutes.EnsureUserAsync(grains, sid, uid);
        await Integration(grains, sid, uid).DisconnectAsync();
        return TypedResults.NoContent();
    }

    private static OutlookConfiguration ValidateConfiguration(OutlookConfigurationRequest request)
    {
        var v = new RequestValidator();
        var defaults = SyncPreferences.Default;
        var preferences = request.SyncPreferences;
        var blocking = preferences?.BlockingShowAs?.ToList() ?? defaults.BlockingShowAs.ToList();
        foreach (var value in blocking.Where(b => !SyncPreferences.ShowAsValues.Contains(b)))
        {
            v.Add("syncPreferences.blockingShowAs", $"'{value}' is not an Outlook showAs value ({string.Join(", ", SyncPreferences.ShowAsValues)}).");
        }

        var conflicts = request.ConflictCalendarIds ?? [];
        if (conflicts.Any(string.IsNullOrWhiteSpace) || conflicts.Count > 50)
        {
            v.Add("conflictCalendarIds", "must be at most 50 calendar ids, none empty.");
        }

        if (request.LinkedCalendarId is { } linked && string.IsNullOrWhiteSpace(linked))
        {
            v.Add("linkedCalendarId", "must be a calendar id or null.");
        }

        v.ThrowIfInvalid();
        return new OutlookConfiguration(
            request.LinkedCalendarId,
            conflicts,
            new SyncPreferences(
                preferences?.LinkedCalendarIsConflict ?? defaults.LinkedCalendarIsConflict,
                blocking.Distinct(StringComparer.Ordinal).ToList(),
                preferences?.Direction ?? defaults.Direction,
                preferences?.ImportEventDetails ?? defaults.ImportEventDetails,
                preferences?.OnCancel ?? defaults.OnCancel));
    }

    /// <summary>The connection as the API shows it: its timestamps in UTC (<see cref="ResponseTimes"/>).</summary>
    internal static OutlookConnectionDetails Shown(OutlookConnectionDetails details) => details with
    {
        LastSyncAt = ResponseTimes.Utc(details.LastSyncAt),
        ConnectedAt = ResponseTimes.Utc(details.ConnectedAt),
        Calendars = details.Calendars.Select(c => c with
        {
            LastSyncAt = ResponseTimes.Utc(c.LastSyncAt),
            Webhook = c.Webhook is { } webhook
                ? webhook with { ExpiresAt = ResponseTimes.Utc(webhook.ExpiresAt), LastNotificationAt = ResponseTimes.Utc(webhook.LastNotificationAt) }
                : null,
        }).ToList(),
    };

    private static IOutlookIntegrationGrain Integration(IGrainFactory grains, string sid, string uid) =>
        grains.GetGrain<IOutlookIntegrationGrain>(GrainKeys.Scoped(sid, uid));
}
