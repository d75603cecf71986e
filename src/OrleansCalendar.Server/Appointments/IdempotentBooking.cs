using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Appointments;

/// <summary>
/// <c>Idempotency-Key</c> on the booking routes (the API's and the public booking page's): the key, with the
/// sub-account and the calendar, fixes the new appointment's id. A client that lost the answer (a timeout, a silo
/// that died, a 503 it retries) sends the same request with the same key and gets the appointment the first attempt
/// made, not a second booking or a 409.
/// </summary>
public static class IdempotentBooking
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;

    /// <summary>
    /// The appointment id the key stands for, or null without a key (an empty header counts as none); 400 for a key
    /// that is not 1–200 visible ASCII characters.
    /// </summary>
    private static string? AppointmentId(string sid, string cid, string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            var v = new RequestValidator();
            v.Add(Header, $"must be 1 to {MaxKeyLength} visible ASCII characters.");
            v.ThrowIfInvalid();
        }

        return Ids.FromSeed(Ids.AppointmentPrefix, $"{sid}|{cid}|{key}");
    }

    /// <summary>
    /// Books <paramref name="booking"/> on the calendar; with a key, first looks for what an earlier attempt with the
    /// same key booked and answers that instead (<c>Replayed</c>), also when a concurrent attempt wins the race.
    /// </summary>
    public static async Task<(AppointmentDetails Appointment, bool Replayed)> BookAsync(IGrainFactory grains, string sid, string cid, BookingRequest booking, string? key)
    {
        var id = AppointmentId(sid, cid, key);
        var appointment = id is null ? null : grains.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(sid, id));
        if (appointment is not null && await EarlierAsync(appointment, cid, booking) is { } earlier)
        {
            return (earlier, true);
        }

        try
        {
            return (await grains.GetGrain<ICalendarGrain>(GrainKeys.Scoped(sid, cid)).BookAsync(booking with { AppointmentId = id }), false);
        }
        catch (CalendarException e) when (appointment is not null && e.Code == ErrorCodes.AppointmentExists)
        {
            // A concurrent attempt with the same key booked it first.
            var winner = await EarlierAsync(appointment, cid, booking);
            if (winner is null)
            {
                throw;
            }

            return (winner, true);
        }
    }

    /// <summary>What an earlier attempt with the same key booked, or null when there was none; 422 when the key was used for another booking.</summary>
    private static async Task<AppointmentDetails?> EarlierAsync(IAppointmentGrain appointment, string cid, BookingRequest request)
    {
        var earlier = await appointment.GetAsync();
        if (earlier is null)
        {
            return null;
        }

        var same = earlier.CalendarId == cid
            && earlier.Start == request.Start
            && earlier.Contact.Name == request.Contact.Name
            && earlier.Contact.Email == request.Contact.Email
            && (request.UserId is null || earlier.UserIds.Contains(request.UserId));
        return same
            ? earlier
            : throw CalendarException.Unprocessable(ErrorCodes.IdempotencyKeyReused, $"This {Header} was already used for a different booking.");
    }
}
