using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Webhooks;
using OrleansCalendar.Grains.Sync;

namespace OrleansCalendar.Grains.Connections;

/// <summary>
/// The grains an integration tells or asks: its user's availability (busy time, reservations), the appointments it
/// copies (sync reports, two-way changes, how a copy should look), the subscription index and the account registry.
/// </summary>
internal sealed class IntegrationPeers(IGrainFactory grains, string integrationKey)
{
    private readonly string _subAccountId = GrainKeys.Split(integrationKey).SubAccountId;
    private readonly string _userId = GrainKeys.Split(integrationKey).Id;

    /// <summary>Replaces the calendar's busy time in availability; an empty list removes it.</summary>
    public Task PublishAsync(string calendarId, IReadOnlyList<ExternalBusy> busy) => Availability.ReplaceExternalAsync(calendarId, busy);

    public Task<IReadOnlyList<Reservation>> ReservationsAsync(DateTimeOffset from, DateTimeOffset to) => Availability.GetReservationsAsync(from, to);

    /// <summary>How the appointment's copy should look for this user now; null when it is not pushed to them.</summary>
    public Task<AppointmentPush?> PushOfAsync(string appointmentId) => Appointment(appointmentId).GetPushAsync(_userId);

    /// <summary>Tells appointments how their copies stand; one-way: the integration never waits on them.</summary>
    public void Report(IEnumerable<SyncReport> reports)
    {
        foreach (var report in reports)
        {
            Report(report);
        }
    }

    public void Report(SyncReport report) => Appointment(report.AppointmentId).ReportSyncAsync(report.Sync).Ignore();

    /// <summary>Two-way sync: the appointment follows (or refuses) what happened to its copy in Outlook.</summary>
    public void Follow(OwnCopyChange change) =>
        Appointment(change.AppointmentId).ApplyOutlookChangeAsync(_userId, change.Start, change.End, change.Cancelled).Ignore();

    public Task IndexSubscriptionAsync(string subscriptionId, string calendarId, byte[] clientStateHash) =>
        grains.GetGrain<IOutlookSubscriptionGrain>(subscriptionId).RegisterAsync(new SubscriptionTarget(integrationKey, calendarId, clientStateHash));

    /// <summary>Stops routing a subscription's notifications here.</summary>
    public Task ForgetSubscriptionAsync(string subscriptionId) => grains.GetGrain<IOutlookSubscriptionGrain>(subscriptionId).RemoveAsync();

    public Task<bool> ClaimAsync(string accountId) => Registry(accountId).TryClaimAsync(integrationKey);

    public Task ReleaseAsync(string accountId) => Registry(accountId).ReleaseAsync(integrationKey);

    /// <summary>Gives a claim back after a failed connect; a claim that stays behind passes on when contested.</summary>
    public async Task ReleaseQuietlyAsync(string accountId, ILogger logger)
    {
        try
        {
            await ReleaseAsync(accountId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Releasing the claim of an Outlook account after a failed connect of {Integration} failed", integrationKey);
        }
    }

    private IAvailabilityGrain Availability => grains.GetGrain<IAvailabilityGrain>(integrationKey);

    private IAppointmentGrain Appointment(string appointmentId) => grains.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(_subAccountId, appointmentId));

    private IOutlookAccountRegistryGrain Registry(string accountId) => grains.GetGrain<IOutlookAccountRegistryGrain>(accountId);
}
