using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Server.Calendars;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;

namespace OrleansCalendar.Server.Appointments;

public static class AppointmentsApi
{
    public static IEndpointRouteBuilder MapAppointmentsApi(this IEndpointRouteBuilder routes)
    {
        var appointments = SubAccountRoutes.Group(routes, "/calendars/{cid}/appointments").WithTags("Appointments");

        appointments.MapPost("/", CreateAsync)
            .WithName("CreateAppointment")
            .WithSummary("Book an appointment")
            .WithDescription("409 slot-unavailable when the interval is no longer free; 422 outside-availability when outside hours, notice or window. " +
                "With an Idempotency-Key header, a repeat of the same request answers 201 with the appointment the first one made (and Idempotent-Replayed: true); " +
                "the same key with a different request is 422 idempotency-key-reused.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        appointments.MapGet("/{aid}", GetAsync)
            .WithName("GetAppointment")
            .WithSummary("Get an appointment")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        appointments.MapPatch("/{aid}", UpdateAsync)
            .WithName("UpdateAppointment")
            .WithSummary("Reschedule an appointment or change its title and notes")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        appointments.MapDelete("/{aid}", CancelAsync)
            .WithName("CancelAppointment")
            .WithSummary("Cancel an appointment (its time is free again at once)")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Created<AppointmentResponse>> CreateAsync(
        string sid, string cid, CreateAppointmentRequest request, [FromHeader(Name = IdempotentBooking.Header)] string? idempotencyKey,
        IGrainFactory grains, HttpContext context)
    {
        var booking = BookingRequests.Validate(request, requireEmail: false);
        var (appointment, replayed) = await IdempotentBooking.BookAsync(grains, sid, cid, booking, idempotencyKey);
        if (replayed)
        {
            context.Response.Headers[IdempotentBooking.ReplayedHeader] = "true";
        }

        return TypedResults.Created($"/v1/subaccounts/{sid}/calendars/{cid}/appointments/{appointment.Id}",
            await AppointmentResponses.ForAsync(grains, sid, appointment));
    }

    private static async Task<Ok<AppointmentResponse>> GetAsync(string sid, string cid, string aid, IGrainFactory grains) =>
        TypedResults.Ok(await AppointmentResponses.ForAsync(grains, sid, await FindAsync(grains, sid, cid, aid)));

    private static async Task<Ok<AppointmentResponse>> UpdateAsync(string sid, string cid, string aid, UpdateAppointmentRequest request, IGrainFactory grains)
    {
        var changes = BookingRequests.Validate(request);
        await FindAsync(grains, sid, cid, aid);
        return TypedResults.Ok(await AppointmentResponses.ForAsync(grains, sid, await Appointment(grains, sid, aid).ChangeAsync(changes)));
    }

    private static async Task<NoContent> CancelAsync(string sid, string cid, string aid, IGrainFactory grains)
    {
        await FindAsync(grains, sid, cid, aid);
        await Appointment(grains, sid, aid).CancelAsync();
        return TypedResults.NoContent();
    }

    /// <summary>The appointment, which must belong to the calendar in the route.</summary>
    private static async Task<AppointmentDetails> FindAsync(IGrainFactory grains, string sid, string cid, string aid)
    {
        var details = Ids.IsWellFormed(aid, Ids.AppointmentPrefix) ? await Appointment(grains, sid, aid).GetAsync() : null;
        return details is not null && details.CalendarId == cid
            ? details
            : throw CalendarException.NotFound(ErrorCodes.AppointmentNotFound, "The appointment does not exist.");
    }

    private static IAppointmentGrain Appointment(IGrainFactory grains, string sid, string aid) =>
        grains.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(sid, aid));
}
