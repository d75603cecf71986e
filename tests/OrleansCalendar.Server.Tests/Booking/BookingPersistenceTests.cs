using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

public sealed class BookingPersistenceTests
{
    [Fact]
    public async Task Calendars_appointments_and_busy_time_survive_a_restart()
    {
        var dataDir = TempDirectory.Create("oc-booking-restart");
        var ten = BookingScenario.NewYork(21, 10);
        string cid, aid, cancelled, key, sid;
        await using (var first = new CalendarAppFactory(dataDir))
        {
            var s = await BookingScenario.CreateAsync(first);
            (sid, key) = (s.SubAccountId, s.Client.DefaultRequestHeaders.Authorization!.Parameter!);
            cid = await s.CreateCalendarAsync();
            aid = await s.BookOkAsync(cid, ten);
            cancelled = await s.BookOkAsync(cid, ten.AddHours(1));
            await s.Client.SendJsonAsync(HttpMethod.Delete, $"{s.Base}/calendars/{cid}/appointments/{cancelled}");
        }

        await using var second = new CalendarAppFactory(dataDir);
        var client = second.CreateClientWithKey(key);
        var baseUrl = $"/v1/subaccounts/{sid}/calendars/{cid}";

        var (status, appointment) = await client.GetJsonAsync($"{baseUrl}/appointments/{aid}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("confirmed", appointment!["status"]!.GetValue<string>());

        var retry = await client.PostJsonAsync($"{baseUrl}/appointments", new { start = BookingScenario.Iso(ten), contact = new { name = "Late" } });
        retry.AssertProblem(HttpStatusCode.Conflict, "slot-unavailable");
        var freed = await client.PostJsonAsync($"{baseUrl}/appointments", new { start = BookingScenario.Iso(ten.AddHours(1)), contact = new { name = "Early" } });
        Assert.Equal(HttpStatusCode.Created, freed.Status);
    }

    [Fact]
    public async Task Appointments_booked_for_a_named_member_or_by_round_robin_are_readable_after_a_restart()
    {
        var dataDir = TempDirectory.Create("oc-booking-members");
        string key, personalUrl, teamUrl;
        await using (var first = new CalendarAppFactory(dataDir))
        {
            var s = await BookingScenario.CreateAsync(first, users: 2);
            key = s.Client.DefaultRequestHeaders.Authorization!.Parameter!;
            var personal = await s.CreateCalendarAsync();
            var team = await s.CreateCalendarAsync("roundRobin");
            personalUrl = $"{s.Base}/calendars/{personal}/appointments/{await s.BookOkAsync(personal, BookingScenario.NewYork(21, 10), s.UserIds[0])}";
            teamUrl = $"{s.Base}/calendars/{team}/appointments/{await s.BookOkAsync(team, BookingScenario.NewYork(21, 11))}";
        }

        await using var second = new CalendarAppFactory(dataDir);
        var client = second.CreateClientWithKey(key);
        foreach (var url in new[] { personalUrl, teamUrl })
        {
            var (status, body) = await client.GetJsonAsync(url);
            Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status} {body?.ToJsonString()}");
            Assert.Single(body!["userIds"]!.AsArray());
        }
    }
}
