using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Operations;

/// <summary>The embedded store's writes measured by state: what holds its single writer.</summary>
public sealed class StoreWriteMetricsTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private const string Writes = "orleans_calendar.store.writes";
    private const string Bytes = "orleans_calendar.store.written_bytes";
    private const string Busy = "orleans_calendar.store.writer_busy_time";

    [Fact]
    public async Task Writes_their_bytes_and_the_writers_time_are_counted_by_state_with_the_day_pages_of_every_day_together()
    {
        using var metrics = new MetricRecorder(fixture.App, "orleans_calendar.store.");
        var s = await BookingScenario.CreateAsync(fixture.App);
        var calendarId = await s.CreateCalendarAsync();

        await s.BookOkAsync(calendarId, BookingScenario.NewYork(7, 10));
        await s.BookOkAsync(calendarId, BookingScenario.NewYork(7, 10, day: DayOfWeek.Thursday));

        Assert.True(metrics.Total(Writes, "state=appointment") >= 2, string.Join(" ", metrics.Tags(Writes)));
        Assert.True(metrics.Total(Writes, "state=availability-day") >= 2, string.Join(" ", metrics.Tags(Writes)));
        Assert.True(metrics.Total(Bytes, "state=appointment") >= 2 * 500, $"{metrics.Total(Bytes, "state=appointment")} bytes for two appointments");
        Assert.True(metrics.Count(Busy, "state=appointment") >= 2);
        Assert.DoesNotContain(metrics.Tags(Writes), t => char.IsDigit(t[^1]));
    }
}
