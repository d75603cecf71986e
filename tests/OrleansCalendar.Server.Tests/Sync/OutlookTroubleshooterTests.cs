using OrleansCalendar.Server.Tests.Infrastructure;
using static OrleansCalendar.Server.Tests.Booking.AvailabilityTroubleshooterTests;

namespace OrleansCalendar.Server.Tests.Sync;

/// <summary>Busy Outlook events in the availability troubleshooter: which calendar, showAs, and a subject only where details may be shown.</summary>
public sealed class OutlookTroubleshooterTests(SyncFixture outlook) : IClassFixture<SyncFixture>
{
    private static DateTimeOffset Wednesday(int hour, int minute = 0) => BookingScenario.NewYork(7, hour, minute);

    [Fact]
    public async Task Outlook_events_are_named_by_calendar_and_showAs_with_subjects_only_when_imported_and_not_private()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        await s.ConfigureAsync(new
        {
            linkedCalendarId = s.Mailbox.DefaultCalendarId,
            conflictCalendarIds = new[] { s.Mailbox.WorkCalendarId },
            syncPreferences = new { importEventDetails = true },
        });
        s.AddWorkEvent("Dentist", Wednesday(9), Wednesday(9, 30));
        s.AddWorkEvent("Maybe lunch", Wednesday(12), Wednesday(12, 30), showAs: "tentative");
        s.AddWorkEvent("Therapy", Wednesday(14), Wednesday(14, 30), sensitivity: "private");
        s.AddWorkEvent("Board", Wednesday(15), Wednesday(15, 30), sensitivity: "confidential");
        s.AddWorkEvent("Focus", Wednesday(16), Wednesday(16, 30), showAs: "free");
        s.Control.AddEvent(s.Mailbox.Email, s.Mailbox.DefaultCalendarId, new GraphEmulator.Control.EventSpec("Linked", SyncScenario.Local(Wednesday(11)), SyncScenario.Local(Wednesday(11, 30)), "America/New_York"));
        await s.SyncAsync();
        var day = BookingScenario.LocalDate(Wednesday(9));

        var explained = await ExplainAsync(s.Booking, s.CalendarId, day);

        Assert.Equal(("Dentist", "busy", s.Mailbox.WorkCalendarId), Source(explained, Wednesday(9)));
        Assert.Equal(("Maybe lunch", "tentative", s.Mailbox.WorkCalendarId), Source(explained, Wednesday(12)));
        Assert.Equal((null, "busy", s.Mailbox.WorkCalendarId), Source(explained, Wednesday(14)));
        Assert.Equal((null, "busy", s.Mailbox.WorkCalendarId), Source(explained, Wednesday(15)));
        Assert.Equal(("Linked", "busy", s.Mailbox.DefaultCalendarId), Source(explained, Wednesday(11)));
        Assert.True(Slot(explained, Wednesday(16))["bookable"]!.GetValue<bool>());
        var reason = Slot(explained, Wednesday(9))["reasons"]![0]!;
        Assert.Equal((s.UserId, Wednesday(9), Wednesday(9, 30)), (reason["userId"]!.GetValue<string>(), Time(reason["start"]), Time(reason["end"])));
        Assert.Equal(
            (await FreeSlotsAsync(s.Booking, s.CalendarId, day)).Select(f => f.Start),
            explained["slots"]!.AsArray().Where(x => x!["bookable"]!.GetValue<bool>()).Select(x => Time(x!["start"])));

        // Without imported details no subject is kept, so none can be shown.
        await s.ConfigureAsync(new { linkedCalendarId = s.Mailbox.DefaultCalendarId, conflictCalendarIds = new[] { s.Mailbox.WorkCalendarId } });
        Assert.Equal((null, "busy", s.Mailbox.WorkCalendarId), Source(await ExplainAsync(s.Booking, s.CalendarId, day), Wednesday(9)));
    }

    [Fact]
    public async Task Explaining_a_day_sends_no_request_to_Microsoft()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        s.AddWorkEvent("Standup", Wednesday(9), Wednesday(10));
        await s.SyncAsync();
        var day = BookingScenario.LocalDate(Wednesday(9));
        s.Control.ClearRequestLog();

        var explained = await ExplainAsync(s.Booking, s.CalendarId, day);

        Assert.Equal(["outlook-busy"], Codes(Slot(explained, Wednesday(9, 30))));
        Assert.Empty(s.Control.GetRequestLog(s.Mailbox.Email));
    }

    [Fact]
    public async Task Event_calendars_ignore_Outlook_in_their_explanation_as_in_their_free_slots()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var eventCalendar = await s.Booking.CreateCalendarAsync("event", userIds: [s.UserId]);
        s.AddWorkEvent("Standup", Wednesday(9), Wednesday(10));
        await s.SyncAsync();

        var explained = await ExplainAsync(s.Booking, eventCalendar, BookingScenario.LocalDate(Wednesday(9)));

        Assert.True(Slot(explained, Wednesday(9))["bookable"]!.GetValue<bool>());
        Assert.Equal(["outlook-busy"], Codes(Slot(await ExplainAsync(s.Booking, s.CalendarId, BookingScenario.LocalDate(Wednesday(9))), Wednesday(9))));
    }

    private static (string? Subject, string? ShowAs, string CalendarId) Source(System.Text.Json.Nodes.JsonNode explained, DateTimeOffset start)
    {
        var reason = Slot(explained, start)["reasons"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "outlook-busy")!;
        var source = reason["source"]!;
        return (source["subject"]?.GetValue<string>(), source["showAs"]?.GetValue<string>(), source["outlookCalendarId"]!.GetValue<string>());
    }
}
