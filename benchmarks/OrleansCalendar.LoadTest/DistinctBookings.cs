using System.Globalization;
using System.Net.Http.Json;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Booking requests that are all real bookings: each takes a free 5-minute slot of one of the calendars in turn
/// (calendars open around the clock, see <see cref="Seeder.BookingCalendarsAsync"/>), so every answer is a 201.
/// </summary>
/// <remarks>
/// A calendar's bookings go to <c>days</c> days in turn, each day filling from midnight. A booking rewrites
/// the holds of its owner's day, so its cost follows how many that day already has: filling one day after another,
/// that count swept from 0 to 288 and back, and rows measured at different rates landed at different points of the
/// sweep (in the events run, the endpoint's row at 18.7 KB day pages against the baseline's 12.5 KB). Spread over
/// 60 days (the default), every row after a warm-up books into days about equally full, which also fill as a busy
/// member's do (a dozen or two a day). The first booking on each day also lists the new day, so a run without a
/// warm-up books on one day instead.
/// </remarks>
internal sealed class DistinctBookings(IReadOnlyList<string> calendars, Func<string, Uri> url, int days = 60)
{
    private readonly DateTime _firstDay = DateTime.UtcNow.Date.AddDays(2);
    private int _next;

    /// <summary>How many booking requests were made so far.</summary>
    public int Issued => Volatile.Read(ref _next);

    public HttpRequestMessage Next()
    {
        var k = Interlocked.Increment(ref _next);
        var round = k / calendars.Count;
        var start = _firstDay.AddDays(round % days).AddMinutes(5 * (round / days));
        return new HttpRequestMessage(HttpMethod.Post, url($"{calendars[k % calendars.Count]}/appointments"))
        {
            Content = JsonContent.Create(new
            {
                start = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                contact = new { name = "Load" },
            }),
        };
    }
}
