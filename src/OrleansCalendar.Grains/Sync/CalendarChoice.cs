using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Connections;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// Which Outlook calendars a connection uses, how a new choice is checked against the account's live calendars and
/// stored, and which calendars' busy time availability still holds without reason (to be taken back).
/// </summary>
internal static class CalendarChoice
{
    /// <summary>
    /// Conflict calendars, plus the linked calendar even when it is not one: its pushed copies are watched (moves and
    /// deletes follow back with two-way sync and are reported with one-way). These are pulled and subscribed.
    /// </summary>
    public static IReadOnlyList<string> Watched(OutlookIntegrationState state)
    {
        var calendars = state.ConflictCalendarIds.ToList();
        if (state.LinkedCalendarId is { } linked && !calendars.Contains(linked))
        {
            calendars.Add(linked);
        }

        return calendars;
    }

    public static string Role(OutlookIntegrationState state, string calendarId) =>
        (calendarId == state.LinkedCalendarId, state.ConflictCalendarIds.Contains(calendarId)) switch
        {
            (true, true) => "linkedAndConflict",
            (true, false) => "linked",
            _ => "conflict",
        };

    /// <summary>Rules 1 and 2 of a configuration: known calendars only; a linked calendar must be writable.</summary>
    public static void Validate(OutlookConfiguration configuration, IReadOnlyList<OutlookCalendarInfo> live, OutlookAccessLevel access)
    {
        var calendars = live.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var unknown = configuration.ConflictCalendarIds.Append(configuration.LinkedCalendarId)
            .Where(id => id is not null && !calendars.ContainsKey(id))
            .ToList();
        if (unknown.Count > 0)
        {
            throw CalendarException.Unprocessable(ErrorCodes.UnknownCalendar, $"Not a calendar of this Outlook account: {string.Join(", ", unknown)}.");
        }

        if (configuration.LinkedCalendarId is { } linked && (access == OutlookAccessLevel.Read || !calendars[linked].CanEdit))
        {
            throw CalendarException.Unprocessable(ErrorCodes.LinkedCalendarReadOnly, access == OutlookAccessLevel.Read
                ? "This connection has read-only access: reconnect with readWrite access to push appointments."
                : $"Outlook calendar '{calendars[linked].Name}' is read-only for this account.");
        }
    }

    /// <summary>
    /// Stores the choice (the linked calendar counts as a conflict calendar unless the preferences say otherwise).
    /// True when preferences that decide busy time changed: then every calendar is read again from scratch.
    /// </summary>
    public static bool Apply(OutlookIntegrationState state, OutlookConfiguration configuration)
    {
        var conflicts = configuration.ConflictCalendarIds.Distinct(StringComparer.Ordinal).ToList();
        if (configuration.LinkedCalendarId is { } linked && configuration.SyncPreferences.LinkedCalendarIsConflict && !conflicts.Contains(linked))
        {
            conflicts.Insert(0, linked);
        }

        var before = state.Preferences;
        var after = configuration.SyncPreferences;
        var rereadAll = before.Direction != after.Direction
            || before.ImportEventDetails != after.ImportEventDetails
            || !before.BlockingShowAs.Order(StringComparer.Ordinal).SequenceEqual(after.BlockingShowAs.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        state.LinkedCalendarId = configuration.LinkedCalendarId;
        state.ConflictCalendarIds = conflicts;
        state.Preferences = after;
        if (rereadAll)
        {
            foreach (var record in state.Calendars.Values)
            {
                record.DeltaLink = null;
            }
        }

        return rereadAll;
    }

    /// <summary>Calendars whose busy time availability holds although they no longer block (no longer conflict calendars).</summary>
    public static IReadOnlyList<string> ToUnpublish(OutlookIntegrationState state) =>
        [.. state.Calendars.Where(c => c.Value.Published && !state.ConflictCalendarIds.Contains(c.Key)).Select(c => c.Key)];

    /// <summary>
    /// Availability no longer holds the calendar's busy time; a calendar that is no longer watched is forgotten.
    /// Records of unwatched calendars that hold nothing in availability go too.
    /// </summary>
    public static void Unpublished(OutlookIntegrationState state, IEnumerable<string> calendarIds)
    {
        foreach (var calendarId in calendarIds)
        {
            state.Calendars[calendarId].Published = false;
        }

        var watched = Watched(state);
        foreach (var calendarId in state.Calendars.Where(c => !c.Value.Published && !watched.Contains(c.Key)).Select(c => c.Key).ToList())
        {
            state.Calendars.Remove(calendarId);
        }
    }

    /// <summary>Whether <see cref="Unpublished"/> has anything to do.</summary>
    public static bool HasStaleCalendars(OutlookIntegrationState state)
    {
        var watched = Watched(state);
        return state.Calendars.Any(c => (c.Value.Published && !state.ConflictCalendarIds.Contains(c.Key)) || !watched.Contains(c.Key));
    }
}
