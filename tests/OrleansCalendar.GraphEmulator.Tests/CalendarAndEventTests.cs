using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using OrleansCalendar.GraphEmulator.Tests.Support;

namespace OrleansCalendar.GraphEmulator.Tests;

public sealed class CalendarAndEventTests
{
    private const string AppointmentProperty = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name OrleansCalendarAppointmentId";

    [Fact]
    public async Task Me_returns_the_stable_object_id_and_addresses_of_the_mailbox()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);

        var me = await graph.Me.GetAsync();

        Assert.Equal(adele.Id, me!.Id);
        Assert.Equal("Adele Vance", me.DisplayName);
        Assert.Equal("adele@contoso.test", me.Mail);
        Assert.Equal("adele@contoso.test", me.UserPrincipalName);
    }

    [Fact]
    public async Task Calendars_come_in_pages_that_PageIterator_follows_to_the_end()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        emulator.Control.AddCalendar(adele.Id, "Work", color: "lightBlue");
        emulator.Control.AddCalendar(adele.Id, "Holidays", canEdit: false, ownerName: "Contoso Holidays", ownerAddress: "holidays@contoso.test");
        emulator.Control.AddCalendar(adele.Id, "Birthdays");

        var firstPage = await graph.Me.Calendars.GetAsync();
        var all = new List<Calendar>();
        var iterator = PageIterator<Calendar, CalendarCollectionResponse>.CreatePageIterator(graph, firstPage!, c =>
        {
            all.Add(c);
            return true;
        });
        await iterator.IterateAsync();

        Assert.Equal(2, firstPage!.Value!.Count);
        Assert.StartsWith(emulator.GraphBaseUrl, firstPage.OdataNextLink, StringComparison.Ordinal);
        Assert.Equal(["Calendar", "Work", "Holidays", "Birthdays"], all.Select(c => c.Name));
        Assert.True(all[0].IsDefaultCalendar);
        Assert.Equal("#a6d1f5", all[1].HexColor);
        var holidays = all[2];
        Assert.False(holidays.CanEdit);
        Assert.Equal("holidays@contoso.test", holidays.Owner!.Address);
        Assert.Equal(2, emulator.Control.GetRequestLog(adele.Id).Count(r => r.PathAndQuery.StartsWith("/v1.0/me/calendars", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Posting_the_same_transactionId_twice_creates_one_event()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        Event NewEvent() => new()
        {
            Subject = "Intro call",
            Start = new DateTimeTimeZone { DateTime = "2026-12-01T09:00:00", TimeZone = "America/New_York" },
            End = new DateTimeTimeZone { DateTime = "2026-12-01T09:30:00", TimeZone = "America/New_York" },
            ShowAs = FreeBusyStatus.Busy,
            TransactionId = "appointment-42",
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = AppointmentProperty, Value = "42" }],
        };

        var first = await graph.Me.Calendars[adele.DefaultCalendarId].Events.PostAsync(NewEvent());
        var retry = await graph.Me.Calendars[adele.DefaultCalendarId].Events.PostAsync(NewEvent());

        Assert.Equal(first!.Id, retry!.Id);
        var stored = Assert.Single(emulator.Control.ListEvents(adele.Id, adele.DefaultCalendarId));
        Assert.Equal("appointment-42", stored.TransactionId);
        Assert.Equal("42", stored.ExtendedProperties[AppointmentProperty]);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), stored.Start);
        Assert.Equal("2026-12-01T14:00:00.0000000", first.Start!.DateTime);
        Assert.Equal("UTC", first.Start.TimeZone);
    }

    [Fact]
    public async Task Extended_properties_are_returned_only_when_expanded()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        var created = await graph.Me.Events.PostAsync(new Event
        {
            Subject = "Tagged",
            Start = new DateTimeTimeZone { DateTime = "2026-12-01T09:00:00", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2026-12-01T10:00:00", TimeZone = "UTC" },
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = AppointmentProperty, Value = "a-1" }],
        });

        var plain = await graph.Me.Events[created!.Id].GetAsync();
        var expanded = await graph.Me.Events[created.Id].GetAsync(r =>
            r.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{AppointmentProperty}')"]);

        Assert.Null(plain!.SingleValueExtendedProperties);
        Assert.Equal("a-1", Assert.Single(expanded!.SingleValueExtendedProperties!).Value);
        Assert.Equal(adele.DefaultCalendarId, emulator.Control.ListEvents(adele.Id).Single().CalendarId);
    }

    [Fact]
    public async Task Writing_to_a_read_only_shared_calendar_is_403_ErrorAccessDenied()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        var holidays = emulator.Control.AddCalendar(adele.Id, "Holidays", canEdit: false, ownerAddress: "holidays@contoso.test");

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Me.Calendars[holidays.Id].Events.PostAsync(new Event
        {
            Subject = "Sneaky",
            Start = new DateTimeTimeZone { DateTime = "2026-12-01T09:00:00", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2026-12-01T10:00:00", TimeZone = "UTC" },
        }));

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("ErrorAccessDenied", error.Error!.Code);
        Assert.Empty(emulator.Control.ListEvents(adele.Id, holidays.Id));
    }

    [Fact]
    public async Task Patch_and_delete_change_the_stored_event()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (graph, adele) = GraphClients.ForNewMailbox(emulator);
        var created = await graph.Me.Calendars[adele.DefaultCalendarId].Events.PostAsync(new Event
        {
            Subject = "Draft",
            Start = new DateTimeTimeZone { DateTime = "2026-12-01T09:00:00", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2026-12-01T10:00:00", TimeZone = "UTC" },
        });

        var updated = await graph.Me.Events[created!.Id].PatchAsync(new Event { Subject = "Final", ShowAs = FreeBusyStatus.Tentative });
        Assert.Equal("Final", updated!.Subject);
        Assert.NotEqual(created.ChangeKey, updated.ChangeKey);
        Assert.Equal("tentative", emulator.Control.FindEvent(adele.Id, created.Id!)!.ShowAs);

        await graph.Me.Calendars[adele.DefaultCalendarId].Events[created.Id].DeleteAsync();
        var missing = await Assert.ThrowsAsync<ODataError>(() => graph.Me.Events[created.Id].GetAsync());
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", missing.Error!.Code);
    }
}
