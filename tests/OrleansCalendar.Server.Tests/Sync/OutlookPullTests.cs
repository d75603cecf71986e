using System.Net;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Sync;

/// <summary>Conflict calendars into availability: real server, real Graph SDK, the emulator over HTTP.</summary>
public sealed class OutlookPullTests(SyncFixture outlook) : IClassFixture<SyncFixture>
{
    private static readonly string[] FullWednesday =
        ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30"];

    private static DateTimeOffset Wednesday(int hour, int minute = 0, int weeks = 0) => BookingScenario.NewYork(7, hour, minute).AddDays(7 * weeks);

    private static string[] Except(params string[] busy) => FullWednesday.Except(busy).ToArray();

    [Fact]
    public async Task Busy_tentative_and_oof_block_while_free_and_working_elsewhere_do_not_and_a_weekly_series_blocks_all_but_its_cancelled_occurrence()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var date = BookingScenario.LocalDate(Wednesday(9));
        s.AddWorkEvent("Standup", Wednesday(9), Wednesday(10));
        s.AddWorkEvent("Maybe", Wednesday(10), Wednesday(10, 30), showAs: "tentative");
        s.AddWorkEvent("Lunch window", Wednesday(11), Wednesday(12), showAs: "free");
        s.AddWorkEvent("Out", Wednesday(13), Wednesday(13, 30), showAs: "oof");
        s.AddWorkEvent("Remote", Wednesday(14), Wednesday(15), showAs: "workingElsewhere");
        var series = s.Control.AddEvent(s.Mailbox.Email, s.Mailbox.WorkCalendarId, new EventSpec("Weekly review", SyncScenario.Local(Wednesday(16)), SyncScenario.Local(Wednesday(16, 30)), "America/New_York")
        {
            Recurrence = RecurrenceSpec.Weekly(date, DayOfWeek.Wednesday) with { NumberOfOccurrences = 3 },
        });
        s.Control.CancelOccurrence(s.Mailbox.Email, series.Id, date.AddDays(7));

        await s.SyncAsync();

        Assert.Equal(Except("09:00", "09:30", "10:00", "13:00", "16:00"), await s.FreeTimesAsync(date));
        Assert.Equal(Except(), await s.FreeTimesAsync(date.AddDays(7)));
        Assert.Equal(Except("16:00"), await s.FreeTimesAsync(date.AddDays(14)));

        var connection = await s.ConnectionAsync();
        var work = connection["calendars"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == s.Mailbox.WorkCalendarId)!;
        Assert.Equal("synced", work["state"]!.GetValue<string>());
        Assert.Equal(7, work["events"]!.GetValue<int>());
        Assert.Equal(5, work["busyEvents"]!.GetValue<int>());
        Assert.Null(connection["lastError"]);
    }

    [Fact]
    public async Task Updates_moves_and_deletes_in_Outlook_reach_free_slots_through_delta()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var date = BookingScenario.LocalDate(Wednesday(9));
        var standup = s.AddWorkEvent("Standup", Wednesday(9), Wednesday(10));
        var maybe = s.AddWorkEvent("Maybe", Wednesday(10), Wednesday(10, 30), showAs: "tentative");
        var oof = s.AddWorkEvent("Out", Wednesday(13), Wednesday(13, 30), showAs: "oof");
        await s.SyncAsync();
        Assert.Equal(Except("09:00", "09:30", "10:00", "13:00"), await s.FreeTimesAsync(date));

        s.Control.UpdateEvent(s.Mailbox.Email, standup.Id, new EventPatch { ShowAs = "free" });
        s.Control.UpdateEvent(s.Mailbox.Email, oof.Id, new EventPatch { Start = SyncScenario.Local(Wednesday(15)), End = SyncScenario.Local(Wednesday(15, 30)), TimeZone = "America/New_York" });
        s.Control.DeleteEvent(s.Mailbox.Email, maybe.Id);
        s.AddWorkEvent("New", Wednesday(11), Wednesday(11, 30));
        s.Outlook.Outlook.ClearRequestLog();
        await s.SyncAsync();

        Assert.Equal(Except("11:00", "15:00"), await s.FreeTimesAsync(date));

        // The follow-up was incremental: the stored deltaLink, not a new round over the window.
        var deltaCalls = s.Control.GetRequestLog(s.Mailbox.Email).Where(r => r.PathAndQuery.Contains("calendarView/delta", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(deltaCalls);
        Assert.All(deltaCalls, r => Assert.DoesNotContain("startDateTime", r.PathAndQuery, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_a_public_url_webhooks_are_off_and_nothing_subscribes()
    {
        var s = await SyncScenario.CreateAsync(outlook);

        var connection = await s.ConnectionAsync();

        Assert.Equal("off", connection["webhooks"]!.GetValue<string>());
        Assert.All(connection["calendars"]!.AsArray(), c => Assert.Null(c!["webhook"]));
        Assert.Empty(s.Control.ListSubscriptions(s.Mailbox.Email));
    }

    [Fact]
    public async Task A_steady_state_sync_makes_one_Graph_request_per_calendar()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        s.AddWorkEvent("Standup", Wednesday(9), Wednesday(10));
        await s.SyncAsync();

        s.Control.ClearRequestLog();
        await s.SyncAsync();

        // Two pulled calendars (the linked one is also a conflict calendar), nothing changed: one delta page each.
        var requests = s.Control.GetRequestLog(s.Mailbox.Email);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Contains("$deltatoken=", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_delta_link_restarts_a_full_round_and_keeps_the_busy_time_until_it_is_complete()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var date = BookingScenario.LocalDate(Wednesday(9));
        for (var hour = 9; hour < 12; hour++)
        {
            s.AddWorkEvent($"Meeting {hour}", Wednesday(hour), Wednesday(hour, 30));
        }

        await s.SyncAsync();
        var synced = Except("09:00", "10:00", "11:00");
        Assert.Equal(synced, await s.FreeTimesAsync(date));

        // The link expires (410) and the fresh round fails half-way, on its second page (pages hold two events):
        // nothing imported before is lost.
        s.Control.InvalidateDeltaTokens(s.Mailbox.Email);
        s.AddWorkEvent("Late addition", Wednesday(14), Wednesday(14, 30));
        var fault = s.Control.AddFault(FaultRule.Fail(503, "/v1.0/me/calendars/" + s.Mailbox.WorkCalendarId, count: null) with { QueryContains = "$skiptoken" });
        Assert.NotNull((await s.SyncAsync(expectSuccess: false))["lastError"]);
        Assert.Equal(synced, await s.FreeTimesAsync(date));
        Assert.Contains(s.Control.GetRequestLog(s.Mailbox.Email), r => r.StatusCode == (int)HttpStatusCode.Gone);
        var failed = (await s.ConnectionAsync())["calendars"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == s.Mailbox.WorkCalendarId)!;
        Assert.Equal("failed", failed["state"]!.GetValue<string>());

        s.Control.RemoveFault(fault.Id);
        await s.SyncAsync();

        Assert.Equal(Except("09:00", "10:00", "11:00", "14:00"), await s.FreeTimesAsync(date));
        Assert.Null((await s.ConnectionAsync())["lastError"]);
    }

    [Fact]
    public async Task All_day_events_block_their_whole_day_in_the_event_zone()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var thursday = BookingScenario.LocalDate(Wednesday(9)).AddDays(1);

        // All day in Los Angeles (a Windows zone name, as Outlook writes it): 03:00 to 03:00 the next day in New York.
        s.Control.AddEvent(s.Mailbox.Email, s.Mailbox.WorkCalendarId, new EventSpec("Offsite", thursday.ToDateTime(TimeOnly.MinValue), thursday.AddDays(1).ToDateTime(TimeOnly.MinValue), "Pacific Standard Time")
        {
            IsAllDay = true,
        });
        await s.SyncAsync();

        Assert.Empty(await s.FreeTimesAsync(thursday));
        Assert.Equal(FullWednesday, await s.FreeTimesAsync(thursday.AddDays(1)));
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var start = BookingScenario.At(pacific, thursday, 0, 0);
        var busy = await s.BusyAsync(start.AddDays(-1), start.AddDays(2));
        var offsite = Assert.Single(busy);
        Assert.Equal(start.ToUniversalTime(), offsite.Start);
        Assert.Equal(BookingScenario.At(pacific, thursday.AddDays(1), 0, 0).ToUniversalTime(), offsite.End);
        Assert.Equal("outlook", offsite.Source);
    }

    [Fact]
    public async Task Titles_are_imported_only_when_asked_and_never_for_private_events()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        s.AddWorkEvent("Dentist", Wednesday(9), Wednesday(10));
        s.AddWorkEvent("Therapy", Wednesday(12), Wednesday(13), sensitivity: "private");
        await s.SyncAsync();
        Assert.All(await s.BusyAsync(Wednesday(0), Wednesday(23)), b => Assert.Null(b.Title));

        await s.ConfigureAsync(new
        {
            linkedCalendarId = s.Mailbox.DefaultCalendarId,
            conflictCalendarIds = new[] { s.Mailbox.WorkCalendarId },
            syncPreferences = new { importEventDetails = true },
        });

        var busy = await s.BusyAsync(Wednesday(0), Wednesday(23));
        Assert.Equal(["Dentist", null], busy.Select(b => b.Title));
    }

    [Fact]
    public async Task Blocking_show_as_values_follow_the_preferences()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var date = BookingScenario.LocalDate(Wednesday(9));
        s.AddWorkEvent("Maybe", Wednesday(10), Wednesday(10, 30), showAs: "tentative");
        s.AddWorkEvent("Remote", Wednesday(14), Wednesday(14, 30), showAs: "workingElsewhere");
        await s.SyncAsync();
        Assert.Equal(Except("10:00"), await s.FreeTimesAsync(date));

        await s.ConfigureAsync(new
        {
            linkedCalendarId = s.Mailbox.DefaultCalendarId,
            conflictCalendarIds = new[] { s.Mailbox.WorkCalendarId },
            syncPreferences = new { blockingShowAs = new[] { "busy", "workingElsewhere" } },
        });

        Assert.Equal(Except("14:00"), await s.FreeTimesAsync(date));
    }

    [Fact]
    public async Task Removing_a_conflict_calendar_or_disconnecting_removes_exactly_its_busy_time()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var date = BookingScenario.LocalDate(Wednesday(9));
        s.AddWorkEvent("Work meeting", Wednesday(9), Wednesday(10));
        s.Control.AddEvent(s.Mailbox.Email, s.Mailbox.DefaultCalendarId, new EventSpec("Personal", SyncScenario.Local(Wednesday(13)), SyncScenario.Local(Wednesday(14)), "America/New_York"));
        await s.SyncAsync();
        var booked = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(15));
        Assert.Equal(Except("09:00", "09:30", "13:00", "13:30", "15:00"), await s.FreeTimesAsync(date));

        await s.ConfigureAsync(new { linkedCalendarId = s.Mailbox.DefaultCalendarId, conflictCalendarIds = Array.Empty<string>() });
        Assert.Equal(Except("13:00", "13:30", "15:00"), await s.FreeTimesAsync(date));

        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, s.ConnectionUrl)).Status);
        Assert.Equal(Except("15:00"), await s.FreeTimesAsync(date));
        var busy = await s.BusyAsync(Wednesday(0), Wednesday(23));
        Assert.Equal(["appointment"], busy.Select(b => b.Source));
        Assert.Equal("confirmed", (await s.AppointmentAsync(booked))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sync_now_needs_a_connection()
    {
        var scenario = await BookingScenario.CreateAsync(outlook.App);
        (await scenario.Client.PostJsonAsync($"{scenario.Base}/users/{scenario.UserIds[0]}/connections/outlook/sync", null))
            .AssertProblem(HttpStatusCode.NotFound, "connection-not-found");
    }
}
