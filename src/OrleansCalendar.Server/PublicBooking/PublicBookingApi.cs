using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Server.Appointments;
using OrleansCalendar.Server.Calendars;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.PublicBooking;

/// <summary>
/// Booking pages and widgets: no API key, only calendars created with <c>publicBooking: true</c>, rate-limited
/// per client address, and answers that never say who is busy or why.
/// </summary>
public static class PublicBookingApi
{
    public const string RateLimitPolicy = "public-booking";

    public static IServiceCollection AddPublicBookingRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PublicBookingOptions.Section).Get<PublicBookingOptions>() ?? new PublicBookingOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = ProblemFactory.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests",
                        $"Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds."),
                });
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPublicBookingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/public/calendars/{cid}")
            .WithTags("Public booking")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy);

        group.MapGet("/", GetAsync)
            .WithName("GetPublicCalendar")
            .WithSummary("A public calendar's name, duration and time zone")
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);

        group.MapGet("/free-slots", GetFreeSlotsAsync)
            .WithName("GetPublicFreeSlots")
            .WithSummary("Free slots of a public calendar")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);

        group.MapPost("/appointments", BookAsync)
            .WithName("CreatePublicAppointment")
            .WithSummary("Book on a public calendar")
            .WithDescription("With an Idempotency-Key header, a repeat of the same request answers 201 with the first booking (Idempotent-Replayed: true).")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);

        return routes;
    }

    private static async Task<Ok<PublicCalendarResponse>> GetAsync(string cid, IGrainFactory grains)
    {
        var (_, calendar) = await FindAsync(grains, cid);
        var d = calendar.Definition;
        return TypedResults.Ok(new PublicCalendarResponse(calendar.Id, d.Name, d.SlotDurationMinutes, d.TimeZone));
    }

    private static async Task<Ok<FreeSlots>> GetFreeSlotsAsync(string cid, [Required, Description("First day, yyyy-MM-dd, in timeZone.")] string? start, [Required, Description("Last day (inclusive), yyyy-MM-dd.")] string? end, string? timeZone, IGrainFactory grains)
    {
        var query = FreeSlotsApi.ParseQuery(start, end, timeZone, userId: null);
        var (sid, _) = await FindAsync(grains, cid);
        var slots = await grains.GetGrain<ICalendarGrain>(GrainKeys.Scoped(sid, cid)).GetFreeSlotsAsync(query);

        // Who is free is the business's own information.
        return TypedResults.Ok(slots with
        {
            Days = slots.Days.Select(d => d with { Slots = d.Slots.Select(s => s with { UserIds = [] }).ToList() }).ToList(),
        });
    }

    private static async Task<Created<PublicAppointmentResponse>> BookAsync(
        string cid, PublicAppointmentRequest request, [FromHeader(Name = IdempotentBooking.Header)] string? idempotencyKey, IGrainFactory grains, HttpContext context)
    {
        var booking = BookingRequests.Validate(new CreateAppointmentRequest(request.Start, request.Contact, Notes: request.Notes), requireEmail: true)
            with { ChangedBy = ChangedBy.Public };
        var (sid, calendar) = await FindAsync(grains, cid);
        var (created, replayed) = await IdempotentBooking.BookAsync(grains, sid, cid, booking, idempotencyKey);
        if (replayed)
        {
            context.Response.Headers[IdempotentBooking.ReplayedHeader] = "true";
        }

        return TypedResults.Created(
            $"/v1/public/calendars/{cid}/appointments/{created.Id}",
            new PublicAppointmentResponse(created.Id, cid,
                ResponseTimes.InZone(created.Start, calendar.Definition.TimeZone), ResponseTimes.InZone(created.End, calendar.Definition.TimeZone), "confirmed"));
    }

    private static async Task<(string SubAccountId, CalendarDetails Calendar)> FindAsync(IGrainFactory grains, string cid)
    {
        if (Ids.IsWellFormed(cid, Ids.CalendarPrefix) && await grains.GetGrain<ICalendarDirectoryGrain>(cid).GetSubAccountIdAsync() is { } sid
            && await grains.GetGrain<ICalendarGrain>(GrainKeys.Scoped(sid, cid)).GetAsync() is { Definition.PublicBooking: true } calendar)
        {
            return (sid, calendar);
        }

        throw CalendarException.NotFound(ErrorCodes.CalendarNotFound, "The calendar does not exist or does not take public bookings.");
    }
}
