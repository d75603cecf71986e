using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

/// <summary>What one booking writes to storage: the cost that must not grow with history.</summary>
public sealed class BookingWritePathTests
{
    [Fact]
    public async Task A_booking_writes_its_days_page_of_holds_and_its_appointment_and_nothing_else()
    {
        await using var app = new CalendarAppFactory(injectStorageFaults: true);
        var s = await BookingScenario.CreateAsync(app);
        var cid = await s.CreateCalendarAsync();
        var faults = app.Faults!;
        bool Own(Infrastructure.Faults.WriteTarget w) => w.GrainId.Contains(s.SubAccountId, StringComparison.Ordinal);

        // The member's first hold ever also seals the previous release's record and starts the directory of days.
        faults.Count(Own);
        await s.BookOkAsync(cid, BookingScenario.NewYork(14, 10));
        Assert.Equal(["availability", "user-availability", "availability-day-", "appointment"], faults.Writes.Select(Kind));

        // Every later booking on a day that has holds: one page and one appointment.
        foreach (var hour in new[] { 11, 12, 13 })
        {
            faults.Count(Own);
            await s.BookOkAsync(cid, BookingScenario.NewYork(14, hour));
            Assert.Equal(["availability-day-", "appointment"], faults.Writes.Select(Kind));
        }

        // A first hold on another day adds that day to the directory.
        faults.Count(Own);
        await s.BookOkAsync(cid, BookingScenario.NewYork(14, 10).AddDays(1));
        Assert.Equal(["user-availability", "availability-day-", "appointment"], faults.Writes.Select(Kind));
    }

    [Fact]
    public async Task Bookings_of_one_calendar_do_not_wait_for_each_other()
    {
        await using var app = new CalendarAppFactory(injectStorageFaults: true);
        var s = await BookingScenario.CreateAsync(app);
        var cid = await s.CreateCalendarAsync();
        await s.BookOkAsync(cid, BookingScenario.NewYork(14, 9));

        // The first booking's appointment write stalls; a second booking of the same calendar still completes.
        var held = app.Faults!.HoldNext(w => w.StateName == "appointment" && w.GrainId.Contains(s.SubAccountId, StringComparison.Ordinal));
        var first = s.BookOkAsync(cid, BookingScenario.NewYork(14, 10));
        try
        {
            await held.Reached.WaitAsync(TimeSpan.FromSeconds(15));
            var second = await s.BookOkAsync(cid, BookingScenario.NewYork(14, 11)).WaitAsync(TimeSpan.FromSeconds(20));
            held.Release();
            Assert.NotEqual(await first, second);
        }
        finally
        {
            held.Release();
        }
    }

    private static string Kind(Infrastructure.Faults.WriteTarget write) =>
        write.StateName.StartsWith("availability-day-", StringComparison.Ordinal) ? "availability-day-" : write.StateName;
}
