using System.Globalization;
using System.Net.Http.Json;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Booking requests that are all real bookings: each takes the next free 5-minute slot of one of the calendars in
/// turn (calendars open around the clock, see <see cref="Seeder.BookingCalendarsAsync"/>), so every answer is a 201.
/// </summary>
internal sealed class DistinctBookings(IReadOnlyList<string> calendars, Func<string, Uri> url)
{
    private readonly DateTime _firstDay = DateTime.UtcNow.Date.AddDays(2);
    private int _next;

    /// <summary>How many booking requests were made so far.</summary>
    public int Issued => Volatile.Read(ref _next);

    public HttpRequestMessage Next()
    {
        var k = Interlocked.Increment(ref _next);
        var start = _firstDay.AddMinutes(5 * (k / calendars.Count));
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
