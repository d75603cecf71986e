using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Appointments;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST .../appointments</c>: the key, with the sub-account and the calendar, fixes the
/// new appointment's id. A client that lost the answer (a timeout, a silo that died, a 503 it retries) sends the same
/// request with the same key and gets the appointment the first attempt made, not a second booking or a 409.
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
    public static string? AppointmentId(string sid, string cid, string? key)
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

    /// <summary>What an earlier attempt with the same key booked, or null when there was none; 422 when the key was used for another booking.</summary>
    public static async Task<AppointmentDetails?> EarlierAsync(IAppointmentGrain appointment, string cid, BookingRequest request)
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
