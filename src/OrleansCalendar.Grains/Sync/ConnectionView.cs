using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Connections;

namespace OrleansCalendar.Grains.Sync;

/// <summary>The connection as the API shows it, read from the state; tokens never leave it.</summary>
internal static class ConnectionView
{
    public static OutlookConnectionDetails Details(OutlookIntegrationState state, SubscriptionPlanner planner, bool syncing, DateTimeOffset now)
    {
        var watched = CalendarChoice.Watched(state);
        return new OutlookConnectionDetails(
            state.Status,
            new OutlookAccountInfo(state.Email, state.DisplayName),
            state.Access,
            state.LinkedCalendarId,
            state.ConflictCalendarIds.ToList(),
            state.Preferences,
            state.LastSyncAt,
            state.LastError,
            state.ConnectedAt,
            [.. state.Calendars.Where(c => watched.Contains(c.Key)).Select(c => new OutlookCalendarSync(
                c.Key,
                CalendarChoice.Role(state, c.Key),
                c.Value.DeltaLink is null && c.Value.LastSyncAt is null ? "initial" : c.Value.LastError is null ? "synced" : "failed",
                c.Value.LastSyncAt,
                c.Value.LastError,
                c.Value.Imported.Count,
                c.Value.Imported.Values.Count(e => e.Blocks),
                planner.View(state, watched, c.Key, now)))],
            state.Pushes.Values.Count(p => p.IsDirty),
            syncing,
            !planner.IsOn ? "off" : planner.Healthy(state, watched, now) ? "active" : "degraded");
    }
}
