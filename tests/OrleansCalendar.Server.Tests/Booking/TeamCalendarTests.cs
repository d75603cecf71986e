using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

public sealed class TeamCalendarTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly CalendarAppFactory _app = fixture.App;

    [Fact]
    public async Task Round_robin_gives_members_an_even_share_and_skips_busy_members()
    {
        var s = await BookingScenario.CreateAsync(_app, users: 3);
        var team = await s.CreateCalendarAsync("roundRobin");
        var start = BookingScenario.NewYork(14, 9);

        var owners = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var (status, body) = await s.BookAsync(team, start.AddMinutes(30 * i));
            Assert.Equal(HttpStatusCode.Created, status);
            owners.Add(body!["userIds"]![0]!.GetValue<string>());
        }

        Assert.All(s.UserIds, u => Assert.Equal(3, owners.Count(o => o == u)));

        // Two members booked elsewhere at 14:00: the booking goes to the third.
        var personal0 = await s.CreateCalendarAsync(userIds: [s.UserIds[0]]);
        var personal1 = await s.CreateCalendarAsync(userIds: [s.UserIds[1]]);
        var two = start.AddHours(5);
        await s.BookOkAsync(personal0, two);
        await s.BookOkAsync(personal1, two);
        var (_, assigned) = await s.BookAsync(team, two);
        Assert.Equal(s.UserIds[2], assigned!["userIds"]![0]!.GetValue<string>());
        (await s.BookAsync(team, two)).AssertProblem(HttpStatusCode.Conflict, "slot-unavailable");
    }

    [Fact]
    public async Task Round_robin_offers_a_slot_while_any_member_is_free_and_names_who()
    {
        var s = await BookingScenario.CreateAsync(_app, users: 2);
        var team = await s.CreateCalendarAsync("roundRobin");
        var personal = await s.CreateCalendarAsync(userIds: [s.UserIds[0]]);
        var ten = BookingScenario.NewYork(14, 10);
        await s.BookOkAsync(personal, ten);

        var day = BookingScenario.LocalDate(ten);
        var (_, body) = await s.Client.GetJsonAsync($"{s.Base}/calendars/{team}/free-slots?start={day:yyyy-MM-dd}&end={day:yyyy-MM-dd}");
        var slot = body!["days"]![0]!["slots"]!.AsArray().Single(x => DateTimeOffset.Parse(x!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) == ten);

        Assert.Equal([s.UserIds[1]], slot!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Contains(ten, await s.FreeSlotStartsAsync(team, day, day));
        Assert.DoesNotContain(ten, await s.FreeSlotStartsAsync(team, day, day, userId: s.UserIds[0]));
    }

    [Fact]
    public async Task Collective_slots_need_every_member_free_and_a_booking_lands_on_all()
    {
        var s = await BookingScenario.CreateAsync(_app, users: 2);
        var collective = await s.CreateCalendarAsync("collective");
        var personal = await s.CreateCalendarAsync(userIds: [s.UserIds[1]]);
        var ten = BookingScenario.NewYork(15, 10);
        var day = BookingScenario.LocalDate(ten);
        await s.BookOkAsync(personal, ten);

        var slots = await s.FreeSlotStartsAsync(collective, day, day);
        Assert.DoesNotContain(ten, slots);
        (await s.BookAsync(collective, ten)).AssertProblem(HttpStatusCode.Conflict, "slot-unavailable");

        // The refused booking held nothing on the free member.
        var personal0 = await s.CreateCalendarAsync(userIds: [s.UserIds[0]]);
        Assert.Contains(ten, await s.FreeSlotStartsAsync(personal0, day, day));

        var (status, booked) = await s.BookAsync(collective, ten.AddHours(1));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(s.UserIds.Order(), booked!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).Order());
        Assert.DoesNotContain(ten.AddHours(1), await s.FreeSlotStartsAsync(personal0, day, day));
        Assert.DoesNotContain(ten.AddHours(1), await s.FreeSlotStartsAsync(personal, day, day));
    }

    [Fact]
    public async Task Concurrent_collective_and_personal_bookings_never_leave_a_member_half_booked()
    {
        var s = await BookingScenario.CreateAsync(_app, users: 3);
        var collective = await s.CreateCalendarAsync("collective");
        var personals = new List<string>();
        foreach (var user in s.UserIds)
        {
            personals.Add(await s.CreateCalendarAsync(userIds: [user]));
        }

        var start = BookingScenario.NewYork(16, 9);
        for (var round = 0; round < 6; round++)
        {
            var slot = start.AddMinutes(30 * round);
            var attempts = new List<Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body)>>
            {
                s.BookAsync(collective, slot),
                s.BookAsync(collective, slot),
            };
            attempts.AddRange(personals.Select(p => s.BookAsync(p, slot)));
            var results = await Task.WhenAll(attempts);

            var collectiveWon = results.Take(2).Count(r => r.Status == HttpStatusCode.Created);
            var personalWins = results.Skip(2).Count(r => r.Status == HttpStatusCode.Created);
            Assert.True(collectiveWon <= 1, "two collective bookings of one slot");
            Assert.True(collectiveWon == 0 || personalWins == 0, $"round {round}: collective booked while a member was booked personally");
            Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Body?.ToJsonString()));

            // Whatever happened, every member is now busy at this slot or nobody was booked at all.
            var day = BookingScenario.LocalDate(slot);
            var busyMembers = 0;
            foreach (var p in personals)
            {
                busyMembers += (await s.FreeSlotStartsAsync(p, day, day)).Contains(slot) ? 0 : 1;
            }

            Assert.Equal(collectiveWon == 1 ? 3 : personalWins, busyMembers);
        }
    }

    [Fact]
    public async Task Event_calendars_without_members_book_against_their_own_time()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var workshop = await s.CreateCalendarAsync("event");
        var ten = BookingScenario.NewYork(17, 10);

        var (status, body) = await s.BookAsync(workshop, ten);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Empty(body!["userIds"]!.AsArray());
        (await s.BookAsync(workshop, ten)).AssertProblem(HttpStatusCode.Conflict, "slot-unavailable");
        Assert.DoesNotContain(ten, await s.FreeSlotStartsAsync(workshop, BookingScenario.LocalDate(ten), BookingScenario.LocalDate(ten)));
    }

    [Fact]
    public async Task Booking_for_someone_who_is_not_a_member_is_422()
    {
        var s = await BookingScenario.CreateAsync(_app, users: 2);
        var personal = await s.CreateCalendarAsync(userIds: [s.UserIds[0]]);

        (await s.BookAsync(personal, BookingScenario.NewYork(17, 11), s.UserIds[1])).AssertProblem(HttpStatusCode.UnprocessableEntity, "not-a-calendar-member");
    }
}
