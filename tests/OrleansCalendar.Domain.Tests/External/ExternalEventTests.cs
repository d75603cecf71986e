using Xunit;
using NodaTime;
using OrleansCalendar.Domain.External;

namespace OrleansCalendar.Domain.Tests.External;

public sealed class ExternalEventTests
{
    private static ExternalEvent Timed(string start, string end, string zone = "UTC", string? showAs = "busy") => new(
        LocalDateTimePattern(start), zone, LocalDateTimePattern(end), zone, false, zone, showAs, false, "normal");

    private static ExternalEvent AllDay(string startDate, string endDate, string eventZone) => new(
        LocalDateTimePattern(startDate + "T00:00:00"), "UTC", LocalDateTimePattern(endDate + "T00:00:00"), "UTC", true, eventZone, "busy", false, "normal");

    private static LocalDateTime LocalDateTimePattern(string text) =>
        NodaTime.Text.LocalDateTimePattern.ExtendedIso.Parse(text).Value;

    private static Instant Utc(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    [Theory]
    [InlineData("UTC")]
    [InlineData("tzone://Microsoft/Utc")]
    [InlineData("Etc/UTC")]
    public void Timed_events_in_UTC_are_read_as_written(string zone)
    {
        var interval = Timed("2026-12-02T14:00:00", "2026-12-02T15:30:00", zone).Interval();

        Assert.Equal(Utc("2026-12-02T14:00:00Z"), interval!.Value.Start);
        Assert.Equal(Utc("2026-12-02T15:30:00Z"), interval.Value.End);
    }

    [Theory]
    [InlineData("Eastern Standard Time")]
    [InlineData("America/New_York")]
    public void Windows_and_IANA_names_mean_the_same_zone(string zone)
    {
        var interval = Timed("2026-07-01T09:00:00", "2026-07-01T10:00:00", zone).Interval();

        Assert.Equal(Utc("2026-07-01T13:00:00Z"), interval!.Value.Start);
    }

    [Fact]
    public void All_day_events_cover_midnight_to_midnight_in_their_own_zone()
    {
        var interval = AllDay("2026-12-03", "2026-12-04", "Pacific Standard Time").Interval();

        Assert.Equal(Utc("2026-12-03T08:00:00Z"), interval!.Value.Start);
        Assert.Equal(Utc("2026-12-04T08:00:00Z"), interval.Value.End);
    }

    [Fact]
    public void An_all_day_event_on_a_daylight_saving_day_is_23_or_25_hours_long()
    {
        var spring = AllDay("2026-03-08", "2026-03-09", "America/New_York").Interval()!.Value;
        var autumn = AllDay("2026-11-01", "2026-11-02", "America/New_York").Interval()!.Value;

        Assert.Equal(Duration.FromHours(23), spring.Length);
        Assert.Equal(Duration.FromHours(25), autumn.Length);
    }

    [Fact]
    public void A_multi_day_all_day_event_covers_every_day()
    {
        var interval = AllDay("2026-12-24", "2026-12-27", "Europe/Berlin").Interval()!.Value;

        Assert.Equal(Utc("2026-12-23T23:00:00Z"), interval.Start);
        Assert.Equal(Utc("2026-12-26T23:00:00Z"), interval.End);
    }

    [Fact]
    public void Events_that_cannot_be_placed_have_no_interval()
    {
        Assert.Null(Timed("2026-12-02T14:00:00", "2026-12-02T14:00:00").Interval());
        Assert.Null(Timed("2026-12-02T15:00:00", "2026-12-02T14:00:00").Interval());
        Assert.Null(Timed("2026-12-02T14:00:00", "2026-12-02T15:00:00", "Not A Zone").Interval());
    }

    [Theory]
    [InlineData("busy", true)]
    [InlineData("tentative", true)]
    [InlineData("oof", true)]
    [InlineData("free", false)]
    [InlineData("workingElsewhere", false)]
    [InlineData("unknown", false)]
    [InlineData(null, true)]
    public void Only_the_blocking_show_as_values_block(string? showAs, bool blocks)
    {
        string[] blocking = ["busy", "tentative", "oof"];

        Assert.Equal(blocks, Timed("2026-12-02T14:00:00", "2026-12-02T15:00:00", showAs: showAs).Blocks(blocking));
    }

    [Fact]
    public void Cancelled_events_never_block()
    {
        var cancelled = Timed("2026-12-02T14:00:00", "2026-12-02T15:00:00") with { IsCancelled = true };

        Assert.False(cancelled.Blocks(["busy"]));
    }

    [Theory]
    [InlineData("private", true)]
    [InlineData("confidential", true)]
    [InlineData("personal", false)]
    [InlineData("normal", false)]
    public void Private_and_confidential_events_keep_their_details(string sensitivity, bool isPrivate)
    {
        Assert.Equal(isPrivate, (Timed("2026-12-02T14:00:00", "2026-12-02T15:00:00") with { Sensitivity = sensitivity }).IsPrivate);
    }
}
