using Microsoft.Graph;
using Microsoft.Graph.Me.Calendars.Item.CalendarView.Delta;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Tests.Support;

namespace OrleansCalendar.GraphEmulator.Tests;

public sealed class DeltaTests
{
    private const string WindowStart = "2026-12-01T00:00:00Z";
    private const string WindowEnd = "2026-12-08T00:00:00Z";

    [Fact]
    public async Task Delta_round_pages_by_skiptoken_and_the_next_round_returns_only_changes_and_removals()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        var events = Enumerable.Range(1, 5).Select(day => emulator.Control.AddEvent(adele.Id, adele.DefaultCalendarId,
            new EventSpec($"Event {day}", new DateTime(2026, 12, day, 9, 0, 0), new DateTime(2026, 12, day, 10, 0, 0)))).ToList();

        var (initialPages, deltaLink) = await FollowRoundAsync(graph, adele.DefaultCalendarId, first: null);

        Assert.Equal([2, 2, 1], initialPages.Select(p => p.Value!.Count));
        Assert.All(initialPages.SkipLast(1), p => Assert.Contains("$skiptoken=", p.OdataNextLink, StringComparison.Ordinal));
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);
        Assert.Equal(events.Select(e => e.Id).Order(), initialPages.SelectMany(p => p.Value!).Select(e => e.Id).Order());

        emulator.Control.UpdateEvent(adele.Id, events[0].Id, new EventPatch { Subject = "Event 1 (renamed)" });
        emulator.Control.DeleteEvent(adele.Id, events[1].Id);
        emulator.Control.UpdateEvent(adele.Id, events[2].Id, new EventPatch { Start = new DateTime(2027, 1, 3, 9, 0, 0), End = new DateTime(2027, 1, 3, 10, 0, 0) });
        var added = emulator.Control.AddEvent(adele.Id, adele.DefaultCalendarId,
            new EventSpec("Event 6", new DateTime(2026, 12, 6, 9, 0, 0), new DateTime(2026, 12, 6, 10, 0, 0)));

        var (changePages, nextDeltaLink) = await FollowRoundAsync(graph, adele.DefaultCalendarId, deltaLink);
        var changes = changePages.SelectMany(p => p.Value!).ToList();

        Assert.Equal(2, changePages.Count);
        Assert.Equal(4, changes.Count);
        Assert.Equal("Event 1 (renamed)", changes.Single(e => e.Id == events[0].Id).Subject);
        Assert.Equal("Event 6", changes.Single(e => e.Id == added.Id).Subject);
        var removed = changes.Where(e => e.AdditionalData.ContainsKey("@removed")).Select(e => e.Id).Order().ToList();
        Assert.Equal(new[] { events[1].Id, events[2].Id }.Order(), removed);

        var (quietPages, _) = await FollowRoundAsync(graph, adele.DefaultCalendarId, nextDeltaLink);
        Assert.Empty(Assert.Single(quietPages).Value!);
    }

    [Fact]
    public async Task Delta_reports_a_new_exception_and_a_deleted_occurrence_of_a_series()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.DefaultPageSize = 50);
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        var series = emulator.Control.AddEvent(adele.Id, adele.DefaultCalendarId,
            new EventSpec("Daily", new DateTime(2026, 12, 1, 8, 0, 0), new DateTime(2026, 12, 1, 8, 15, 0))
            {
                Recurrence = RecurrenceSpec.Daily(new DateOnly(2026, 12, 1)),
            });
        var (_, deltaLink) = await FollowRoundAsync(graph, adele.DefaultCalendarId, first: null);

        emulator.Control.CancelOccurrence(adele.Id, series.Id, new DateOnly(2026, 12, 2));
        var exceptionId = GraphEmulatorControl.OccurrenceId(series.Id, new DateOnly(2026, 12, 3));
        emulator.Control.UpdateEvent(adele.Id, exceptionId, new EventPatch { Subject = "Daily (moved)" });
        var (pages, _) = await FollowRoundAsync(graph, adele.DefaultCalendarId, deltaLink);
        var changes = pages.SelectMany(p => p.Value!).ToList();

        Assert.Equal(2, changes.Count);
        Assert.True(changes.Single(e => e.Id == GraphEmulatorControl.OccurrenceId(series.Id, new DateOnly(2026, 12, 2))).AdditionalData.ContainsKey("@removed"));
        var exception = changes.Single(e => e.Id == exceptionId);
        Assert.Equal(EventType.Exception, exception.Type);
        Assert.Equal("Daily (moved)", exception.Subject);
    }

    [Fact]
    public async Task Invalidated_delta_token_surfaces_as_410_ODataError_syncStateNotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        emulator.Control.AddEvent(adele.Id, adele.DefaultCalendarId,
            new EventSpec("Event", new DateTime(2026, 12, 2, 9, 0, 0), new DateTime(2026, 12, 2, 10, 0, 0)));
        var (_, deltaLink) = await FollowRoundAsync(graph, adele.DefaultCalendarId, first: null);

        emulator.Control.InvalidateDeltaTokens(adele.Id, adele.DefaultCalendarId);
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            graph.Me.Calendars[adele.DefaultCalendarId].CalendarView.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync());

        Assert.Equal(410, error.ResponseStatusCode);
        Assert.Equal("syncStateNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task Delta_rejects_filter_like_Graph_does()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            graph.Me.Calendars[adele.DefaultCalendarId].CalendarView.Delta.GetAsDeltaGetResponseAsync(r =>
            {
                r.QueryParameters.StartDateTime = WindowStart;
                r.QueryParameters.EndDateTime = WindowEnd;
                r.QueryParameters.Filter = "subject eq 'x'";
            }));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    /// <summary>Follows nextLinks to the deltaLink; starts a round when <paramref name="first"/> is null.</summary>
    private static async Task<(List<DeltaGetResponse> Pages, string DeltaLink)> FollowRoundAsync(
        GraphServiceClient graph, string calendarId, string? first)
    {
        var delta = graph.Me.Calendars[calendarId].CalendarView.Delta;
        var page = first is null
            ? await delta.GetAsDeltaGetResponseAsync(r =>
            {
                r.QueryParameters.StartDateTime = WindowStart;
                r.QueryParameters.EndDateTime = WindowEnd;
            })
            : await delta.WithUrl(first).GetAsDeltaGetResponseAsync();
        var pages = new List<DeltaGetResponse> { page! };
        while (pages[^1].OdataNextLink is { } next)
        {
            Assert.Null(pages[^1].OdataDeltaLink);
            pages.Add((await delta.WithUrl(next).GetAsDeltaGetResponseAsync())!);
        }

        return (pages, pages[^1].OdataDeltaLink!);
    }
}
