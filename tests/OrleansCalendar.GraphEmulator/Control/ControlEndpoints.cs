using System.Text;
using OrleansCalendar.GraphEmulator.Control.Requests;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.GraphEmulator.Identity;

namespace OrleansCalendar.GraphEmulator.Control;

/// <summary>
/// The control API over HTTP under <c>/_emulator</c> (JSON), mirroring <see cref="GraphEmulatorControl"/>
/// for standalone demos and for processes that do not share memory with the emulator.
/// </summary>
internal static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_emulator").WithTags("Emulator control");

        control.MapGet("/", (HttpContext http, GraphEmulatorControl c) => Results.Ok(new
        {
            clientId = c.Options.ClientId,
            tenantId = c.Options.TenantId,
            authorityHost = $"{http.Request.Scheme}://{http.Request.Host}",
            graphBaseUrl = $"{http.Request.Scheme}://{http.Request.Host}/v1.0",
            mailboxes = c.ListMailboxes(),
        }));
        control.MapPost("/reset", (GraphEmulatorControl c, bool? seedDemoData) =>
        {
            c.Reset(seedDemoData ?? false);
            return Results.NoContent();
        });

        MapMailboxes(control.MapGroup("/mailboxes"));
        MapIdentity(control);
        MapTraffic(control);
        MapSubscriptions(control);
        return app;
    }

    private static void MapMailboxes(RouteGroupBuilder mailboxes)
    {
        mailboxes.MapGet("/", (GraphEmulatorControl c) => c.ListMailboxes());
        mailboxes.MapPost("/", (GraphEmulatorControl c, AddMailboxRequest body) =>
        {
            var created = c.AddMailbox(body.Email, body.DisplayName, body.Id);
            return Results.Created($"/_emulator/mailboxes/{created.Id}", created);
        });
        mailboxes.MapGet("/{mailbox}", (GraphEmulatorControl c, string mailbox) => c.GetMailbox(mailbox));

        mailboxes.MapGet("/{mailbox}/calendars", (GraphEmulatorControl c, string mailbox) => c.ListCalendars(mailbox));
        mailboxes.MapPost("/{mailbox}/calendars", (GraphEmulatorControl c, string mailbox, AddCalendarRequest body) =>
            Results.Ok(c.AddCalendar(mailbox, body.Name, body.CanEdit, body.IsDefault, body.Color, body.OwnerName, body.OwnerAddress)));

        mailboxes.MapGet("/{mailbox}/events", (GraphEmulatorControl c, string mailbox, string? calendarId) => c.ListEvents(mailbox, calendarId));
        mailboxes.MapGet("/{mailbox}/calendars/{calendarId}/events", (GraphEmulatorControl c, string mailbox, string calendarId) =>
            c.ListEvents(mailbox, calendarId));
        mailboxes.MapPost("/{mailbox}/calendars/{calendarId}/events", async (HttpContext http, GraphEmulatorControl c, string mailbox, string calendarId) =>
            Results.Ok(c.AddEventJson(mailbox, calendarId, await BodyAsync(http))));
        mailboxes.MapGet("/{mailbox}/calendars/{calendarId}/instances", (GraphEmulatorControl c, string mailbox, string calendarId, DateTimeOffset start, DateTimeOffset end) =>
            c.ListInstances(mailbox, calendarId, start, end));
        mailboxes.MapGet("/{mailbox}/events/{eventId}", (GraphEmulatorControl c, string mailbox, string eventId) =>
            c.FindEvent(mailbox, eventId) is { } found ? Results.Ok(found) : Results.NotFound());
        mailboxes.MapPatch("/{mailbox}/events/{eventId}", async (HttpContext http, GraphEmulatorControl c, string mailbox, string eventId) =>
            Results.Ok(c.UpdateEventJson(mailbox, eventId, await BodyAsync(http))));
        mailboxes.MapDelete("/{mailbox}/events/{eventId}", (GraphEmulatorControl c, string mailbox, string eventId) =>
        {
            c.DeleteEvent(mailbox, eventId);
            return Results.NoContent();
        });
        mailboxes.MapPost("/{mailbox}/events/{eventId}/cancel-occurrence", (GraphEmulatorControl c, string mailbox, string eventId, DateOnly originalDate) =>
            Results.Ok(new { occurrenceId = c.CancelOccurrence(mailbox, eventId, originalDate) }));

        mailboxes.MapPost("/{mailbox}/tokens", (HttpContext http, GraphEmulatorControl c, string mailbox, string? scope) =>
            Results.Ok(c.IssueTokens(mailbox, scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries), $"{http.Request.Scheme}://{http.Request.Host}")));
        mailboxes.MapPost("/{mailbox}/revoke-refresh-tokens", (GraphEmulatorControl c, string mailbox) =>
            Results.Ok(new { affected = c.RevokeRefreshTokens(mailbox) }));
        mailboxes.MapPost("/{mailbox}/expire-refresh-tokens", (GraphEmulatorControl c, string mailbox) =>
            Results.Ok(new { affected = c.ExpireRefreshTokens(mailbox) }));
        mailboxes.MapPost("/{mailbox}/expire-access-tokens", (GraphEmulatorControl c, string mailbox) =>
            Results.Ok(new { affected = c.ExpireAccessTokens(mailbox) }));
        mailboxes.MapPost("/{mailbox}/invalidate-delta-tokens", (GraphEmulatorControl c, string mailbox, string? calendarId) =>
            Results.Ok(new { affected = c.InvalidateDeltaTokens(mailbox, calendarId) }));
        mailboxes.MapGet("/{mailbox}/max-concurrency", (GraphEmulatorControl c, string mailbox) =>
            Results.Ok(new { maxConcurrency = c.GetMaxConcurrency(mailbox) }));
    }

    private static void MapIdentity(RouteGroupBuilder control)
    {
        control.MapPut("/next-sign-in", (GraphEmulatorControl c, NextSignIn body) =>
        {
            c.SetNextSignIn(body);
            return Results.NoContent();
        });
        control.MapDelete("/next-sign-in", (GraphEmulatorControl c) =>
        {
            c.ClearNextSignIn();
            return Results.NoContent();
        });
    }

    private static void MapTraffic(RouteGroupBuilder control)
    {
        control.MapGet("/faults", (GraphEmulatorControl c) => c.ListFaults());
        control.MapPost("/faults", (GraphEmulatorControl c, FaultRule body) => Results.Ok(c.AddFault(body)));
        control.MapDelete("/faults", (GraphEmulatorControl c) =>
        {
            c.ClearFaults();
            return Results.NoContent();
        });
        control.MapDelete("/faults/{faultId}", (GraphEmulatorControl c, string faultId) =>
            c.RemoveFault(faultId) ? Results.NoContent() : Results.NotFound());

        control.MapGet("/requests", (GraphEmulatorControl c, string? mailbox) => c.GetRequestLog(mailbox));
        control.MapDelete("/requests", (GraphEmulatorControl c) =>
        {
            c.ClearRequestLog();
            return Results.NoContent();
        });
        control.MapGet("/concurrency", (GraphEmulatorControl c) => c.GetMaxConcurrencyByMailbox());
        control.MapDelete("/concurrency", (GraphEmulatorControl c) =>
        {
            c.ResetMaxConcurrency();
            return Results.NoContent();
        });
    }

    private static void MapSubscriptions(RouteGroupBuilder control)
    {
        control.MapGet("/subscriptions", (GraphEmulatorControl c, string? mailbox) => c.ListSubscriptions(mailbox));
        control.MapDelete("/subscriptions/{subscriptionId}", (GraphEmulatorControl c, string subscriptionId) =>
            c.RemoveSubscription(subscriptionId) ? Results.NoContent() : Results.NotFound());
        control.MapPost("/subscriptions/{subscriptionId}/expire", (GraphEmulatorControl c, string subscriptionId) =>
        {
            c.ExpireSubscription(subscriptionId);
            return Results.NoContent();
        });
        control.MapPost("/subscriptions/{subscriptionId}/pause", (GraphEmulatorControl c, string subscriptionId, bool? paused) =>
        {
            c.PauseSubscription(subscriptionId, paused ?? true);
            return Results.NoContent();
        });
        control.MapPost("/subscriptions/{subscriptionId}/lifecycle/{lifecycleEvent}", async (GraphEmulatorControl c, string subscriptionId, string lifecycleEvent) =>
            Results.Ok(await c.SendLifecycleNotificationAsync(subscriptionId, lifecycleEvent)));

        control.MapGet("/deliveries", (GraphEmulatorControl c, string? subscriptionId) => c.ListDeliveries(subscriptionId));
        control.MapDelete("/deliveries", (GraphEmulatorControl c) =>
        {
            c.ClearDeliveries();
            return Results.NoContent();
        });
    }

    private static async Task<string> BodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }
}
