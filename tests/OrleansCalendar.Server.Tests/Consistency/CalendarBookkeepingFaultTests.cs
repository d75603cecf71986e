using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;

namespace OrleansCalendar.Server.Tests.Consistency;

public sealed class CalendarBookkeepingFaultTests
{
    [Fact]
    public async Task A_booking_that_is_stored_is_answered_201_even_when_the_calendars_round_robin_counts_cannot_be_written()
    {
        await using var app = new CalendarAppFactory(injectStorageFaults: true);
        var s = await BookingScenario.CreateAsync(app, users: 2);
        var cid = await s.CreateCalendarAsync("roundRobin");
        app.Faults!.FailNth(1, FaultKind.BeforeWrite, w => w.StateName == "calendar");

        // No Idempotency-Key: a 503 here would leave the client only a 409 on retry, for its own booking.
        var (status, body) = await s.BookAsync(cid, BookingScenario.NewYork(14, 10));
        Assert.True(status == HttpStatusCode.Created, $"{(int)status} {body?.ToJsonString()}");

        // The counts are written behind: the failed write is tried again, and the calendar keeps booking fairly.
        await Eventually.TrueAsync(() => app.Faults.Injected == 1 && app.Faults.Writes.Count >= 2, "the counts to be written after the failed attempt", TimeSpan.FromSeconds(30));
        var second = await s.BookAsync(cid, BookingScenario.NewYork(14, 10));
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.NotEqual(body!["userIds"]![0]!.GetValue<string>(), second.Body!["userIds"]![0]!.GetValue<string>());
    }
}
