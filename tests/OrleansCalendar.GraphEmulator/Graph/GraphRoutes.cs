using OrleansCalendar.GraphEmulator.Graph.Calendars;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Graph.Delta;
using OrleansCalendar.GraphEmulator.Graph.Events;
using OrleansCalendar.GraphEmulator.Graph.Subscriptions;
using OrleansCalendar.GraphEmulator.Graph.Users;

namespace OrleansCalendar.GraphEmulator.Graph;

/// <summary>Maps the Graph v1.0 surface: every route under <c>/me</c> also answers under <c>/users/{id or upn}</c>.</summary>
internal static class GraphRoutes
{
    public static IEndpointRouteBuilder MapGraph(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1.0").AddEndpointFilter<GraphAuthentication>();
        foreach (var user in new[] { v1.MapGroup("/me"), v1.MapGroup("/users/{userId}") })
        {
            user.MapUserEndpoints()
                .MapCalendarEndpoints()
                .MapEventEndpoints()
                .MapCalendarViewEndpoints()
                .MapDeltaEndpoints();
        }

        v1.MapSubscriptionEndpoints();

        // Graph answers unknown segments with 400, not 404.
        app.Map("/v1.0/{**rest}", (HttpContext context, string? rest) => GraphResponses.Json(
            GraphResponses.ErrorBody(context, "BadRequest", $"Resource not found for the segment '{rest?.Split('/')[0]}'."),
            StatusCodes.Status400BadRequest));
        return app;
    }
}
