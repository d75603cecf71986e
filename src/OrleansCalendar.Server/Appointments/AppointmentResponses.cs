using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Server.Calendars;

namespace OrleansCalendar.Server.Appointments;

/// <summary>Appointments as responses: their times in their calendars' zones, looked up once per calendar.</summary>
public static class AppointmentResponses
{
    public static async Task<AppointmentResponse> ForAsync(IGrainFactory grains, string sid, AppointmentDetails appointment) =>
        (await ForAsync(grains, sid, [appointment]))[0];

    public static async Task<IReadOnlyList<AppointmentResponse>> ForAsync(IGrainFactory grains, string sid, IReadOnlyList<AppointmentDetails> appointments)
    {
        var calendarIds = appointments.Select(a => a.CalendarId).Distinct(StringComparer.Ordinal).ToList();
        var calendars = await Task.WhenAll(calendarIds.Select(cid => CalendarsApi.Calendar(grains, sid, cid).GetAsync()));
        var zones = calendarIds.Zip(calendars).ToDictionary(c => c.First, c => c.Second?.Definition.TimeZone, StringComparer.Ordinal);
        return appointments.Select(a => AppointmentResponse.From(a, zones[a.CalendarId])).ToList();
    }
}
