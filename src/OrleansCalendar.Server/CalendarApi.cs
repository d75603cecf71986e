using OrleansCalendar.Server.Appointments;
using OrleansCalendar.Server.Availability;
using OrleansCalendar.Server.Calendars;
using OrleansCalendar.Server.Connections.Outlook;
using OrleansCalendar.Server.Events;
using OrleansCalendar.Server.Operations;
using OrleansCalendar.Server.PublicBooking;
using OrleansCalendar.Server.SubAccounts;
using OrleansCalendar.Server.Users;
using OrleansCalendar.Server.Webhooks;

namespace OrleansCalendar.Server;

public static class CalendarApi
{
    /// <summary>Maps every versioned REST route. Each feature owns its routes in its own folder.</summary>
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        routes.MapSubAccountsApi();
        routes.MapUsersApi();
        routes.MapBusyApi();
        routes.MapCalendarsApi();
        routes.MapFreeSlotsApi();
        routes.MapAvailabilityTroubleshooterApi();
        routes.MapAppointmentsApi();
        routes.MapAppointmentListApi();
        routes.MapLinkedCalendarApi();
        routes.MapPublicBookingApi();
        routes.MapOutlookConnectionApi();
        routes.MapOAuthCallbackApi();
        routes.MapOutlookWebhookApi();
        routes.MapWebhookEndpointsApi();
        routes.MapClusterApi();
        return routes;
    }
}
