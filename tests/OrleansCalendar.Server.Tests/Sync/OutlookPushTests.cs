using System.Net;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Sync;

/// <summary>Appointments into the linked calendar, and back with two-way sync.</summary>
public sealed class OutlookPushTests(SyncFixture outlook) : IClassFixture<SyncFixture>
{
    private const string TagId = "String {4f3b6a1e-2c7d-4e8a-9b51-0d6c2e7f9a34} Name OrleansCalendarAppointmentId";

    private static DateTimeOffset Wednesday(int hour, int minute = 0) => BookingScenario.NewYork(7, hour, minute);

    private static object TwoWay(SyncScenario s, string onCancel = "delete") => new
    {
        linkedCalendarId = s.Mailbox.DefaultCalendarId,
        conflictCalendarIds = new[] { s.Mailbox.WorkCalendarId },
        syncPreferences = new { direction = "twoWay", onCancel },
    };

    private static async Task<EmulatedEvent> PushedEventAsync(SyncScenario s, string appointmentId)
    {
        var entry = await s.WaitForSyncStateAsync(appointmentId, "synced");
        var eventId = entry["externalEventId"]!.GetValue<string>();
        return s.Control.FindEvent(s.Mailbox.Email, eventId) ?? throw new InvalidOperationException("The pushed event is not in Outlook.");
    }

    [Fact]
    public async Task A_booking_lands_in_the_linked_calendar_with_its_time_zone_subject_transaction_id_and_tag()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(10));

        var pushed = await PushedEventAsync(s, appointmentId);

        Assert.Equal(s.Mailbox.DefaultCalendarId, pushed.CalendarId);
        Assert.Equal("Consultation", pushed.Subject);
        Assert.Equal("America/New_York", pushed.StartTimeZone);
        Assert.Equal(Wednesday(10).ToUniversalTime(), pushed.Start.ToUniversalTime());
        Assert.Equal(Wednesday(10, 30).ToUniversalTime(), pushed.End.ToUniversalTime());
        Assert.Equal("busy", pushed.ShowAs);
        Assert.StartsWith("oc-", pushed.TransactionId, StringComparison.Ordinal);
        Assert.Equal($"{s.Booking.SubAccountId}/{appointmentId}", pushed.ExtendedProperties[TagId]);
        Assert.Contains("Pat Doe", pushed.BodyContent, StringComparison.Ordinal);

        // The pushed copy sits in a conflict calendar, yet it is the appointment's own time: no second interval.
        await s.SyncAsync();
        var busy = await s.BusyAsync(Wednesday(0), Wednesday(23));
        Assert.Equal(["appointment"], busy.Select(b => b.Source));
        Assert.Equal(0, (await s.ConnectionAsync())["pendingPushes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reschedule_moves_the_copy_and_cancel_deletes_it()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(10));
        var pushed = await PushedEventAsync(s, appointmentId);

        var (status, _) = await s.Client.SendJsonAsync(HttpMethod.Patch, $"{s.Booking.Base}/calendars/{s.CalendarId}/appointments/{appointmentId}",
            new { start = BookingScenario.Iso(Wednesday(14)), title = "Follow-up" });
        Assert.Equal(HttpStatusCode.OK, status);
        await Eventually.TrueAsync(() => s.Control.FindEvent(s.Mailbox.Email, pushed.Id) is { Subject: "Follow-up" } moved
            && moved.Start.ToUniversalTime() == Wednesday(14).ToUniversalTime(), "the copy to move");

        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, $"{s.Booking.Base}/calendars/{s.CalendarId}/appointments/{appointmentId}")).Status);
        await Eventually.TrueAsync(() => s.Control.FindEvent(s.Mailbox.Email, pushed.Id) is null, "the copy to be deleted");
        await s.WaitForSyncStateAsync(appointmentId, "synced");
    }

    [Fact]
    public async Task Cancel_marks_the_copy_cancelled_when_asked_to()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        await s.ConfigureAsync(new
        {
            linkedCalendarId = s.Mailbox.DefaultCalendarId,
            conflictCalendarIds = Array.Empty<string>(),
            syncPreferences = new { onCancel = "markCancelled" },
        });
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(10));
        var pushed = await PushedEventAsync(s, appointmentId);

        await s.Client.SendJsonAsync(HttpMethod.Delete, $"{s.Booking.Base}/calendars/{s.CalendarId}/appointments/{appointmentId}");

        await Eventually.TrueAsync(() => s.Control.FindEvent(s.Mailbox.Email, pushed.Id) is { ShowAs: "free" } e && e.Subject!.StartsWith("Cancelled: ", StringComparison.Ordinal),
            "the copy to be marked cancelled");
    }

    [Fact]
    public async Task A_push_through_a_Graph_outage_and_lost_answers_lands_exactly_once()
    {
        var s = await SyncScenario.CreateAsync(outlook);

        // Graph answers 503 for a while, then creates the event but the answer is lost twice: retries must not duplicate.
        var outage = s.Control.AddFault(FaultRule.Fail(503, "/v1.0/me/calendars", count: null, method: "POST", mailbox: s.Mailbox.Email));
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(11));
        var failing = await Eventually.ValueAsync(() => s.AppointmentAsync(appointmentId),
            a => a["sync"]![0]!["lastError"] is not null, "a failed attempt to show");
        Assert.Equal("pending", failing["sync"]![0]!["state"]!.GetValue<string>());
        Assert.True((await s.ConnectionAsync())["pendingPushes"]!.GetValue<int>() >= 1);

        s.Control.RemoveFault(outage.Id);
        s.Control.AddFault(FaultRule.FailAfterHandling(504, "/v1.0/me/calendars", count: 2, method: "POST", mailbox: s.Mailbox.Email));

        var pushed = await PushedEventAsync(s, appointmentId);
        var copies = s.Control.ListEvents(s.Mailbox.Email, s.Mailbox.DefaultCalendarId).Where(e => e.TransactionId == pushed.TransactionId).ToList();
        Assert.Single(copies);
        Assert.True(s.Control.GetRequestLog(s.Mailbox.Email).Count(r => r.Method == "POST" && r.StatusCode == 504) >= 2);
    }

    [Fact]
    public async Task Moving_the_copy_in_Outlook_reschedules_the_appointment_with_two_way_sync()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        await s.ConfigureAsync(TwoWay(s));
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(10));
        var pushed = await PushedEventAsync(s, appointmentId);

        s.Control.UpdateEvent(s.Mailbox.Email, pushed.Id, new EventPatch { Start = SyncScenario.Local(Wednesday(15)), End = SyncScenario.Local(Wednesday(15, 30)), TimeZone = "America/New_York" });
        await s.SyncAsync();

        var moved = await Eventually.ValueAsync(() => s.AppointmentAsync(appointmentId),
            a => a["start"]!.GetValue<DateTimeOffset>() == Wednesday(15), "the appointment to follow Outlook");
        Assert.Equal("confirmed", moved["status"]!.GetValue<string>());
        Assert.DoesNotContain("15:00", await s.FreeTimesAsync(BookingScenario.LocalDate(Wednesday(15))));
        Assert.Contains("10:00", await s.FreeTimesAsync(BookingScenario.LocalDate(Wednesday(15))));
    }

    [Fact]
    public async Task A_move_in_Outlook_onto_a_busy_time_is_refused_and_shown_as_failed()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        await s.ConfigureAsync(TwoWay(s));
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(10));
        await s.Booking.BookOkAsync(s.CalendarId, Wednesday(14));
        var pushed = await PushedEventAsync(s, appointmentId);

        s.Control.UpdateEvent(s.Mailbox.Email, pushed.Id, new EventPatch { Start = SyncScenario.Local(Wednesday(14)), End = SyncScenario.Local(Wednesday(14, 30)), TimeZone = "America/New_York" });
        await s.SyncAsync();

        var entry = await s.WaitForSyncStateAsync(appointmentId, "failed");
        Assert.Contains("slot-unavailable", entry["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Wednesday(10), (await s.AppointmentAsync(appointmentId))["start"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Deleting_the_copy_in_Outlook_cancels_the_appointment_with_two_way_sync()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        await s.ConfigureAsync(TwoWay(s));
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(10));
        var pushed = await PushedEventAsync(s, appointmentId);

        s.Control.DeleteEvent(s.Mailbox.Email, pushed.Id);
        await s.SyncAsync();

        await Eventually.ValueAsync(() => s.AppointmentAsync(appointmentId), a => a["status"]!.GetValue<string>() == "cancelled", "the appointment to be cancelled");

        // The cancel runs in the background (a one-way message from the integration): its slot frees right after.
        await Eventually.ValueAsync(() => s.FreeTimesAsync(BookingScenario.LocalDate(Wednesday(10))), t => t.Contains("10:00"), "the slot to be free again");
    }

    [Fact]
    public async Task With_one_way_sync_a_deleted_copy_leaves_the_appointment_and_says_so()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var appointmentId = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(10));
        var pushed = await PushedEventAsync(s, appointmentId);

        s.Control.DeleteEvent(s.Mailbox.Email, pushed.Id);
        await s.SyncAsync();

        var entry = await s.WaitForSyncStateAsync(appointmentId, "failed");
        Assert.Contains("deleted in Outlook", entry["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("confirmed", (await s.AppointmentAsync(appointmentId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Appointments_of_users_without_a_linked_calendar_and_of_event_calendars_are_not_applicable()
    {
        var s = await SyncScenario.CreateAsync(outlook);
        var eventCalendar = await s.Booking.CreateCalendarAsync("event", userIds: [s.UserId]);
        var onEvent = await s.Booking.BookOkAsync(eventCalendar, Wednesday(10));
        var eventSync = (await s.Client.GetJsonAsync($"{s.Booking.Base}/calendars/{eventCalendar}/appointments/{onEvent}")).Body!["sync"]!.AsArray();
        Assert.Equal("notApplicable", Assert.Single(eventSync)!["state"]!.GetValue<string>());
        Assert.Empty(s.Control.ListEvents(s.Mailbox.Email, s.Mailbox.DefaultCalendarId));

        await s.ConfigureAsync(new { conflictCalendarIds = new[] { s.Mailbox.WorkCalendarId } });
        var unlinked = await s.Booking.BookOkAsync(s.CalendarId, Wednesday(11));
        Assert.Equal("notApplicable", (await s.AppointmentAsync(unlinked))["sync"]![0]!["state"]!.GetValue<string>());
    }
}
