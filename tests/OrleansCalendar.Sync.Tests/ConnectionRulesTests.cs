using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Sync.Tests;

public sealed class ConnectionRulesTests
{
    private static readonly IReadOnlyList<OutlookCalendarInfo> Live =
    [
        new(Harness.Linked, "Calendar", true, true, null, null),
        new(Harness.Work, "Work", true, false, null, null),
        new("calendar-shared", "Holidays", false, false, null, "holidays@contoso.test"),
    ];

    [Fact]
    public void A_configuration_names_only_the_account_s_calendars_and_links_a_writable_one()
    {
        Assert.Equal(ErrorCodes.UnknownCalendar, Assert.Throws<CalendarException>(() =>
            CalendarChoice.Validate(new OutlookConfiguration(null, ["nope"], SyncPreferences.Default), Live, OutlookAccessLevel.ReadWrite)).Code);
        Assert.Equal(ErrorCodes.LinkedCalendarReadOnly, Assert.Throws<CalendarException>(() =>
            CalendarChoice.Validate(new OutlookConfiguration("calendar-shared", [], SyncPreferences.Default), Live, OutlookAccessLevel.ReadWrite)).Code);
        Assert.Equal(ErrorCodes.LinkedCalendarReadOnly, Assert.Throws<CalendarException>(() =>
            CalendarChoice.Validate(new OutlookConfiguration(Harness.Linked, [], SyncPreferences.Default), Live, OutlookAccessLevel.Read)).Code);
        CalendarChoice.Validate(new OutlookConfiguration(Harness.Linked, ["calendar-shared"], SyncPreferences.Default), Live, OutlookAccessLevel.ReadWrite);
    }

    [Fact]
    public void The_linked_calendar_is_a_conflict_calendar_unless_the_preferences_say_otherwise_and_new_busy_rules_read_everything_again()
    {
        var h = new Harness();
        h.State.Calendars[Harness.Work] = new CalendarSyncRecord { DeltaLink = "link" };

        Assert.False(CalendarChoice.Apply(h.State, new OutlookConfiguration(Harness.Linked, [Harness.Work], SyncPreferences.Default)));
        Assert.Equal([Harness.Linked, Harness.Work], h.State.ConflictCalendarIds);
        Assert.Equal("link", h.State.Calendars[Harness.Work].DeltaLink);

        Assert.True(CalendarChoice.Apply(h.State, new OutlookConfiguration(Harness.Linked, [Harness.Work], SyncPreferences.Default with { LinkedCalendarIsConflict = false, BlockingShowAs = ["busy"] })));
        Assert.Equal([Harness.Work], h.State.ConflictCalendarIds);
        Assert.Equal([Harness.Work, Harness.Linked], CalendarChoice.Watched(h.State));
        Assert.Equal("linked", CalendarChoice.Role(h.State, Harness.Linked));
        Assert.Null(h.State.Calendars[Harness.Work].DeltaLink);
    }

    [Fact]
    public void Busy_time_of_calendars_that_no_longer_block_is_taken_back_and_unwatched_calendars_are_forgotten_after()
    {
        var h = new Harness();
        h.State.Calendars[Harness.Linked] = new CalendarSyncRecord { Published = true };
        h.State.Calendars[Harness.Work] = new CalendarSyncRecord { Published = true };
        CalendarChoice.Apply(h.State, new OutlookConfiguration(Harness.Linked, [], SyncPreferences.Default with { LinkedCalendarIsConflict = false }));

        Assert.True(CalendarChoice.HasStaleCalendars(h.State));
        var stale = CalendarChoice.ToUnpublish(h.State);
        Assert.Equal([Harness.Linked, Harness.Work], stale.Order());
        CalendarChoice.Unpublished(h.State, stale);

        Assert.Equal([Harness.Linked], h.State.Calendars.Keys);
        Assert.False(h.State.Calendars[Harness.Linked].Published);
        Assert.False(CalendarChoice.HasStaleCalendars(h.State));
    }

    [Fact]
    public void A_reconnect_keeps_the_choice_another_account_starts_afresh_and_a_removed_connection_keeps_its_leftovers_until_undone()
    {
        var h = new Harness();
        var grant = h.Identity.Issue();
        ConnectionRecord.Connect(h.State, new OutlookAccount("account-1", "adele@contoso.test", "Adele"), grant, h.Tokens, h.Clock.GetUtcNow());
        Assert.Equal(Harness.Linked, h.State.LinkedCalendarId);

        var readOnly = grant with { Scopes = ["Calendars.Read"] };
        ConnectionRecord.Connect(h.State, new OutlookAccount("account-1", "adele@contoso.test", "Adele"), readOnly, h.Tokens, h.Clock.GetUtcNow());
        Assert.Null(h.State.LinkedCalendarId);
        Assert.Equal([Harness.Linked, Harness.Work], h.State.ConflictCalendarIds);

        ConnectionRecord.Connect(h.State, new OutlookAccount("account-2", "megan@contoso.test", "Megan"), grant, h.Tokens, h.Clock.GetUtcNow());
        Assert.Empty(h.State.ConflictCalendarIds);
        Assert.Equal("account-2", ConnectionRecord.HeldAccount(h.State));

        h.State.Calendars[Harness.Work] = new CalendarSyncRecord { Published = true };
        ConnectionRecord.Remove(h.State);
        Assert.Null(ConnectionRecord.HeldAccount(h.State));
        Assert.True(ConnectionRecord.HasLeftovers(h.State));
        Assert.Equal([Harness.Work], CalendarChoice.ToUnpublish(h.State));
    }
}
