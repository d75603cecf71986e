using Microsoft.Extensions.Logging;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Abstractions.Errors;

namespace OrleansCalendar.Grains.Appointments;

/// <summary>
/// The appointment's holds on its members' availability: taking them, confirming them, and answering the members'
/// questions about them (docs/grain-consistency.md, "hold first, with a question attached").
/// </summary>
public sealed partial class AppointmentGrain
{
    /// <summary>A fence write in flight: changes wait for it, so that the two never write at once.</summary>
    private Task? _fencing;

    public async Task<bool> IsCurrentReservationAsync(int revision) => await GetHoldFateAsync(revision) switch
    {
        HoldFate.Current => true,

        // The previous release has no "unknown": a failed question keeps the hold, and it is asked again later.
        HoldFate.Unknown => throw new InvalidOperationException($"Appointment {AppointmentId} cannot tell yet whether revision {revision} stands; ask again later."),
        _ => false,
    };

    public async Task<HoldFate> GetHoldFateAsync(int revision)
    {
        if (_changes > 0 || _uncertain)
        {
            return HoldFate.Unknown;
        }

        var fate = HoldFates.Of(state.State, revision);
        return fate == HoldFate.NotCurrent && HoldFates.MayStillBeWritten(state.State, revision) && !await FenceAsync()
            ? HoldFate.Unknown
            : fate;
    }

    /// <summary>
    /// Writes the stored state again, unchanged but for its stamp, so that no other activation's write based on an
    /// earlier version can land after it (it fails its version check). Whether the fence stands.
    /// </summary>
    /// <remarks>
    /// Hold questions interleave with everything (<see cref="IAppointmentGrain.GetHoldFateAsync"/>): the fence counts
    /// as a change, so that other questions answer <c>Unknown</c> meanwhile, and changes wait for it to end.
    /// </remarks>
    private async Task<bool> FenceAsync()
    {
        var fenced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fencing = fenced.Task;
        try
        {
            using var change = BeginChange();
            var attempt = await WriteAsync();
            if (!attempt.Stored)
            {
                logger.LogWarning("Could not fence appointment {AppointmentId} before dropping a hold; its member asks again later", AppointmentId);
            }

            return attempt.Stored;
        }
        finally
        {
            _fencing = null;
            fenced.SetResult();
        }
    }

    /// <summary>
    /// Holds the plan on every owner, in a fixed order so two collective bookings cannot each hold half.
    /// All or nothing: on any refusal every hold taken so far is released.
    /// </summary>
    private async Task ReserveAsync(AppointmentPlan plan, int revision)
    {
        var reservation = new Reservation(AppointmentId, revision, plan.CalendarId, plan.BlockedStart, plan.BlockedEnd, plan.Start, plan.End, plan.IgnoresExternalBusy);
        var held = new List<string>();
        try
        {
            foreach (var owner in Owners(plan))
            {
                if (!await Availability(owner).TryHoldAsync(reservation))
                {
                    throw CalendarException.Conflict(ErrorCodes.SlotUnavailable, "The requested time is no longer free.");
                }

                held.Add(owner);
            }
        }
        catch
        {
            await QuietlyAsync(held.Select(owner => Availability(owner).ReleaseAsync(AppointmentId, revision)), "release the hold of");
            throw;
        }
    }

    /// <summary>
    /// Best effort: an unconfirmed hold is settled later by its availability grain asking
    /// <see cref="GetHoldFateAsync"/>, so a failure here loses nothing.
    /// </summary>
    private Task ConfirmAsync(AppointmentPlan plan, int revision) =>
        QuietlyAsync(Owners(plan).Select(owner => Availability(owner).ConfirmAsync(AppointmentId, revision)), "confirm the hold of");

    /// <summary>Best-effort calls to members' availability: a failure is settled later by the member's own check.</summary>
    private async Task QuietlyAsync(IEnumerable<Task> calls, string what)
    {
        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Could not {What} appointment {AppointmentId} on every member now; their checks settle it", what, AppointmentId);
        }
    }

    /// <summary>Members' availability; a calendar without members books against its own availability.</summary>
    private static IEnumerable<string> Owners(AppointmentPlan plan) =>
        (plan.UserIds.Count == 0 ? [plan.CalendarId] : plan.UserIds).Order(StringComparer.Ordinal);

    private IAvailabilityGrain Availability(string ownerId) =>
        GrainFactory.GetGrain<IAvailabilityGrain>(GrainKeys.Scoped(SubAccountId, ownerId));
}
