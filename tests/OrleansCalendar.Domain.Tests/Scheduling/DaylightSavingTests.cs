using NodaTime;
using OrleansCalendar.Domain.Intervals;
using OrleansCalendar.Domain.Scheduling;
using Xunit;
using static OrleansCalendar.Domain.Tests.Scheduling.Rules;

namespace OrleansCalendar.Domain.Tests.Scheduling;

/// <summary>
/// The switches of 2026: New York springs forward 2026-03-08 (02:00 EST → 03:00 EDT) and falls back 2026-11-01
/// (02:00 EDT → 01:00 EST); Berlin springs forward 2026-03-29 (02:00 CET → 03:00 CEST) and falls back 2026-10-25
/// (03:00 CEST → 02:00 CET).
/// </summary>
public sealed class DaylightSavingTests
{
    [Theory]
    [InlineData(NewYork, "2026-03-06", 14, "2026-03-09", 13)]
    [InlineData(NewYork, "2026-10-30", 13, "2026-11-02", 14)]
    [InlineData(Berlin, "2026-03-27", 8, "2026-03-30", 7)]
    [InlineData(Berlin, "2026-10-23", 7, "2026-10-26", 8)]
    public void Office_hours_stay_local_on_both_sides_of_a_switch(string zone, string before, int utcHourBefore, string after, int utcHourAfter)
    {
        var rules = In(zone, AllDays("09:00", "17:00"));
        var slotsBefore = CandidatesOn(rules, Date(before));
        var slotsAfter = CandidatesOn(rules, Date(after));

        Assert.Equal(16, slotsBefore.Count);
        Assert.Equal(TimesOfDay(rules, slotsBefore), TimesOfDay(rules, slotsAfter));
        Assert.Equal(new LocalTime(9, 0), TimesOfDay(rules, slotsAfter)[0]);
        Assert.Equal(new LocalTime(16, 30), TimesOfDay(rules, slotsAfter)[^1]);
        Assert.Equal(utcHourBefore, slotsBefore[0].Start.InUtc().Hour);
        Assert.Equal(utcHourAfter, slotsAfter[0].Start.InUtc().Hour);
    }

    [Theory]
    [InlineData(NewYork, "2026-03-08")]
    [InlineData(NewYork, "2026-11-01")]
    [InlineData(Berlin, "2026-03-29")]
    [InlineData(Berlin, "2026-10-25")]
    public void On_the_switch_day_itself_office_hours_are_whole(string zone, string date)
    {
        var slots = CandidatesOn(In(zone, AllDays("09:00", "17:00")), Date(date));

        Assert.Equal(16, slots.Count);
        Assert.All(slots, s => Assert.Equal(Duration.FromMinutes(30), s.Length));
    }

    [Theory]
    [InlineData(NewYork, "2026-03-08")]
    [InlineData(Berlin, "2026-03-29")]
    public void Spring_forward_skips_the_local_times_that_do_not_exist(string zone, string date)
    {
        var starts = LocalStarts(In(zone, AllDays("01:00", "04:00")), Date(date));

        Assert.Equal(Times("01:00", "01:30", "03:00", "03:30"), starts);
    }

    [Fact]
    public void A_slot_across_the_spring_forward_gap_lasts_its_duration_in_elapsed_time()
    {
        var rules = In(NewYork, AllDays("01:00", "04:00"), duration: 60, interval: 30);
        var slots = CandidatesOn(rules, Date("2026-03-08"));

        Assert.Equal(Times("01:00", "01:30", "03:00"), TimesOfDay(rules, slots));
        Assert.Equal(new LocalTime(3, 30), slots[1].End.InZone(Zone(NewYork)).TimeOfDay); // 01:30 EST + 1 h
    }

    [Fact]
    public void A_window_shortened_by_the_gap_fits_fewer_slots()
    {
        // 01:00-03:00 on the spring-forward day is one elapsed hour: a 90-minute slot does not fit.
        var rules = In(NewYork, AllDays("01:00", "03:00"), duration: 90, interval: 30);

        Assert.Empty(LocalStarts(rules, Date("2026-03-08")));
        Assert.NotEmpty(LocalStarts(rules, Date("2026-03-09")));
    }

    [Fact]
    public void A_window_starting_in_the_gap_keeps_its_local_grid()
    {
        // 02:30 does not exist: the window opens at 03:00, but slots stay on the 02:30 + 45 min grid.
        var rules = In(NewYork, AllDays("02:30", "05:00"), duration: 30, interval: 45);

        Assert.Equal(Times("03:15", "04:00"), LocalStarts(rules, Date("2026-03-08")));
        Assert.Equal(Times("02:30", "03:15", "04:00"), LocalStarts(rules, Date("2026-03-09")));
        Assert.Equal(Availability.Available, SlotGenerator.Check(rules, Minutes(Local(NewYork, 2026, 3, 8, 3, 0), 30), LongAgo));
    }

    [Fact]
    public void A_window_ending_in_the_gap_ends_when_the_gap_does()
    {
        var rules = In(NewYork, AllDays("00:00", "02:30"));
        var slots = CandidatesOn(rules, Date("2026-03-08"));

        Assert.Equal(Times("00:00", "00:30", "01:00", "01:30"), TimesOfDay(rules, slots));
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), slots[^1].End); // 03:00 EDT, the first instant after the gap
    }

    [Theory]
    [InlineData(NewYork, "2026-11-01", "00:00", "03:00")]
    [InlineData(Berlin, "2026-10-25", "01:00", "04:00")]
    public void Fall_back_offers_each_ambiguous_local_time_once_at_its_earlier_instant(string zone, string date, string start, string end)
    {
        var rules = In(zone, AllDays(start, end));
        var slots = CandidatesOn(rules, Date(date));
        var repeatedHour = RepeatedHour(rules.Zone, Date(date));

        // Six local half-hours, each once, although the window lasts an extra elapsed hour.
        Assert.Equal(6, slots.Count);
        Assert.Equal(TimesOfDay(rules, slots).Distinct(), TimesOfDay(rules, slots));
        Assert.Equal(2, slots.Count(s => repeatedHour.first.Contains(s.Start)));
        Assert.DoesNotContain(slots, s => repeatedHour.second.Contains(s.Start));
    }

    [Fact]
    public void Fall_back_in_New_York_resolves_01_00_to_EDT()
    {
        var slots = CandidatesOn(In(NewYork, AllDays("00:00", "03:00"), duration: 30, interval: 60), Date("2026-11-01"));

        Assert.Equal(
            [Instant.FromUtc(2026, 11, 1, 4, 0), Instant.FromUtc(2026, 11, 1, 5, 0), Instant.FromUtc(2026, 11, 1, 7, 0)],
            slots.Select(s => s.Start));
    }

    [Fact]
    public void An_ambiguous_window_start_is_its_first_occurrence()
    {
        // 01:30-03:00 on 2026-11-01 in New York runs from 01:30 EDT (05:30Z) to 03:00 EST (08:00Z).
        var rules = In(NewYork, AllDays("01:30", "03:00"));

        Assert.Equal(
            [Instant.FromUtc(2026, 11, 1, 5, 30), Instant.FromUtc(2026, 11, 1, 7, 0), Instant.FromUtc(2026, 11, 1, 7, 30)],
            CandidatesOn(rules, Date("2026-11-01")).Select(s => s.Start));

        // Off the grid, the second 01:30 (EST) is inside the window all the same.
        Assert.Equal(Availability.Available, SlotGenerator.Check(rules, Minutes(Instant.FromUtc(2026, 11, 1, 6, 30), 30), LongAgo));
    }

    [Fact]
    public void An_ambiguous_window_end_is_its_first_occurrence()
    {
        // 00:00-01:30 ends at 01:30 EDT (05:30Z); the repeated 01:00 EST is after the window.
        var rules = In(NewYork, AllDays("00:00", "01:30"));

        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 0), CandidatesOn(rules, Date("2026-11-01"))[^1].Start);
        Assert.Equal(3, CandidatesOn(rules, Date("2026-11-01")).Count);
        Assert.Equal(Availability.OutsideHours, SlotGenerator.Check(rules, Minutes(Instant.FromUtc(2026, 11, 1, 6, 0), 30), LongAgo));
    }

    [Theory]
    [InlineData(Berlin, "2026-10-25", 25)]
    [InlineData(Berlin, "2026-03-29", 23)]
    [InlineData(NewYork, "2026-11-01", 25)]
    [InlineData(NewYork, "2026-03-08", 23)]
    public void A_date_range_covers_the_whole_switch_day(string zone, string date, int hours)
    {
        var range = SlotGenerator.DateRange(Date(date), Date(date), Zone(zone));

        Assert.Equal(Duration.FromHours(hours), range.Length);
    }

    [Fact]
    public void A_day_whose_midnight_does_not_exist_starts_after_the_gap()
    {
        // São Paulo sprang forward at midnight on 2018-11-04: 00:00 became 01:00.
        var zone = Zone("America/Sao_Paulo");
        var range = SlotGenerator.DateRange(Date("2018-11-04"), Date("2018-11-04"), zone);
        var rules = new SlotRules(AllDays("00:00", "24:00"), zone, Duration.FromHours(1), Duration.FromHours(1), Duration.Zero, Duration.Zero, Duration.Zero, 10_000);

        Assert.Equal(Instant.FromUtc(2018, 11, 4, 3, 0), range.Start);
        Assert.Equal(Duration.FromHours(23), range.Length);
        var slots = SlotGenerator.Candidates(rules, range.Start, range.End, Instant.FromUtc(2018, 1, 1, 0, 0));
        Assert.Equal(23, slots.Count);
        Assert.Equal(new LocalTime(1, 0), slots[0].Start.InZone(zone).TimeOfDay);
    }

    private static LocalDate Date(string iso) => LocalDate.FromDateOnly(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    private static TimeInterval Minutes(Instant start, int minutes) => new(start, start + Duration.FromMinutes(minutes));

    /// <summary>The two elapsed hours that share the local times of the fall-back hour.</summary>
    private static (TimeInterval first, TimeInterval second) RepeatedHour(DateTimeZone zone, LocalDate date)
    {
        var transition = zone.GetZoneIntervals(zone.AtStartOfDay(date).ToInstant(), zone.AtStartOfDay(date.PlusDays(1)).ToInstant()).Skip(1).First().Start;
        var hour = Duration.FromHours(1);
        return (new TimeInterval(transition - hour, transition), new TimeInterval(transition, transition + hour));
    }
}
