using NodaTime;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class DaylightSavingTests
{
    [Theory]
    [InlineData("America/New_York", 2026, 3, 6, 2026, 3, 9)]
    [InlineData("America/New_York", 2026, 10, 30, 2026, 11, 2)]
    [InlineData("Europe/Berlin", 2026, 3, 27, 2026, 3, 30)]
    [InlineData("Europe/Berlin", 2026, 10, 23, 2026, 10, 26)]
    public void Office_hours_stay_local_on_both_sides_of_a_switch(string zone, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var rules = In(zone, AllDays("09:00", "17:00"));
        var before = LocalStarts(rules, new LocalDate(y1, m1, d1));
        var after = LocalStarts(rules, new LocalDate(y2, m2, d2));

        Assert.Equal(16, before.Count);
        Assert.Equal(before, after);
        Assert.Equal(new LocalTime(9, 0), after[0]);
        Assert.Equal(new LocalTime(16, 30), after[^1]);
    }

    [Fact]
    public void Spring_forward_skips_the_local_times_that_do_not_exist()
    {
        // 2026-03-08 New York: 02:00 jumps to 03:00.
        var rules = In("America/New_York", AllDays("01:00", "04:00"));
        var starts = LocalStarts(rules, new LocalDate(2026, 3, 8));

        Assert.Equal([new LocalTime(1, 0), new LocalTime(1, 30), new LocalTime(3, 0), new LocalTime(3, 30)], starts);
    }

    [Fact]
    public void Fall_back_offers_an_ambiguous_local_time_once_at_its_earlier_instant()
    {
        // 2026-11-01 New York: 01:00-02:00 happens twice (EDT, then EST).
        var rules = In("America/New_York", AllDays("00:00", "03:00"), duration: 30, interval: 60);
        var (start, end) = SlotGenerator.DateRange(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 1), rules.Zone);
        var slots = SlotGenerator.Candidates(rules, start, end, LongAgo);

        Assert.Equal(3, slots.Count);
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 0), slots[1].Start); // 01:00 EDT, not 01:00 EST (06:00Z)
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 7, 0), slots[2].Start); // 02:00 EST
    }

    [Fact]
    public void The_day_of_the_fall_back_is_25_hours_long_and_the_range_covers_it_all()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var (start, end) = SlotGenerator.DateRange(new LocalDate(2026, 10, 25), new LocalDate(2026, 10, 25), zone);
        Assert.Equal(Duration.FromHours(25), end - start);
    }

    [Fact]
    public void A_slot_must_end_inside_its_window_in_elapsed_time()
    {
        // 01:00-03:00 on spring-forward day is one elapsed hour: a 90-minute slot does not fit.
        var rules = In("America/New_York", AllDays("01:00", "03:00"), duration: 90, interval: 30);
        Assert.Empty(LocalStarts(rules, new LocalDate(2026, 3, 8)));
        Assert.NotEmpty(LocalStarts(rules, new LocalDate(2026, 3, 9)));
    }
}
