using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using OrleansCalendar.GraphEmulator.Tests.Support;

namespace OrleansCalendar.GraphEmulator.Tests;

public sealed class CalendarViewTests
{
    [Fact]
    public async Task CalendarView_expands_a_weekly_series_keeps_exceptions_and_omits_a_deleted_occurrence()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        var series = await graph.Me.Calendars[adele.DefaultCalendarId].Events.PostAsync(new Event
        {
            Subject = "Stand-up",
            Start = new DateTimeTimeZone { DateTime = "2026-12-07T09:00:00", TimeZone = "Europe/Berlin" },
            End = new DateTimeTimeZone { DateTime = "2026-12-07T09:30:00", TimeZone = "Europe/Berlin" },
            Recurrence = new PatternedRecurrence
            {
                Pattern = new RecurrencePattern
                {
                    Type = RecurrencePatternType.Weekly,
                    Interval = 1,
                    DaysOfWeek = [DayOfWeekObject.Monday, DayOfWeekObject.Wednesday],
                },
                Range = new RecurrenceRange { Type = RecurrenceRangeType.Numbered, StartDate = new Date(2026, 12, 7), NumberOfOccurrences = 6 },
            },
        });
        Assert.Equal(EventType.SeriesMaster, series!.Type);

        emulator.Control.CancelOccurrence(adele.Id, series.Id!, new DateOnly(2026, 12, 9));
        var moved = emulator.Control.UpdateEvent(adele.Id, Control.GraphEmulatorControl.OccurrenceId(series.Id!, new DateOnly(2026, 12, 14)),
            new Control.EventPatch { Start = new DateTime(2026, 12, 14, 11, 0, 0), End = new DateTime(2026, 12, 14, 11, 30, 0) });

        var page = await graph.Me.Calendars[adele.DefaultCalendarId].CalendarView.GetAsync(r =>
        {
            r.QueryParameters.StartDateTime = "2026-12-07T00:00:00Z";
            r.QueryParameters.EndDateTime = "2026-12-21T00:00:00Z";
            r.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
        });
        var instances = new List<Event>();
        await PageIterator<Event, EventCollectionResponse>.CreatePageIterator(graph, page!, e =>
        {
            instances.Add(e);
            return true;
        }).IterateAsync();

        Assert.NotNull(page!.OdataNextLink);
        Assert.Equal(
            ["2026-12-07T08:00:00.0000000", "2026-12-14T10:00:00.0000000", "2026-12-16T08:00:00.0000000"],
            instances.Select(i => i.Start!.DateTime));
        Assert.All(instances, i => Assert.Equal(series.Id, i.SeriesMasterId));
        Assert.Equal([EventType.Occurrence, EventType.Exception, EventType.Occurrence], instances.Select(i => i.Type!.Value));
        Assert.Equal(moved.Id, instances[1].Id);
        Assert.Equal(3, instances.Select(i => i.Id).Distinct().Count());

        // Occurrence ids are stable: asking again gives the same ones.
        var again = await graph.Me.Calendars[adele.DefaultCalendarId].CalendarView.GetAsync(r =>
        {
            r.QueryParameters.StartDateTime = "2026-12-07T00:00:00Z";
            r.QueryParameters.EndDateTime = "2026-12-08T00:00:00Z";
        });
        Assert.Equal(instances[0].Id, Assert.Single(again!.Value!).Id);
    }

    [Fact]
    public async Task Prefer_outlook_timezone_converts_times_and_is_echoed()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        emulator.Control.AddEvent(adele.Id, adele.DefaultCalendarId,
            new Control.EventSpec("Lunch", new DateTime(2026, 7, 1, 12, 0, 0), new DateTime(2026, 7, 1, 13, 0, 0), "Pacific Standard Time"));
        var headers = new Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options.HeadersInspectionHandlerOption { InspectResponseHeaders = true };

        var page = await graph.Me.CalendarView.GetAsync(r =>
        {
            r.QueryParameters.StartDateTime = "2026-07-01T00:00:00Z";
            r.QueryParameters.EndDateTime = "2026-07-02T00:00:00Z";
            r.Headers.Add("Prefer", "outlook.timezone=\"Europe/Berlin\"");
            r.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
            r.Options.Add(headers);
        });

        var lunch = Assert.Single(page!.Value!);
        Assert.Equal("2026-07-01T21:00:00.0000000", lunch.Start!.DateTime);
        Assert.Equal("Europe/Berlin", lunch.Start.TimeZone);
        Assert.Equal("Pacific Standard Time", lunch.OriginalStartTimeZone);
        var applied = string.Join(", ", headers.ResponseHeaders["Preference-Applied"]);
        Assert.Contains("outlook.timezone=\"Europe/Berlin\"", applied, StringComparison.Ordinal);
        Assert.Contains("IdType=\"ImmutableId\"", applied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarView_without_a_time_window_is_400_ErrorInvalidParameter()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Me.Calendars[adele.DefaultCalendarId].CalendarView.GetAsync());

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ErrorInvalidParameter", error.Error!.Code);
    }
}
