using System.Globalization;
using System.Runtime.CompilerServices;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Archive;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Grains.Upgrades;

namespace OrleansCalendar.Server.Appointments;

/// <summary>
/// Lists appointments of owners in a time range from their index: the active window held by each owner's
/// availability grain, and the monthly archives of what ended. Every entry is checked against its appointment,
/// which is the truth: an entry whose time no longer matches is stale (the appointment moved; its current entry is
/// elsewhere) and an appointment seen twice (mid-move to the archive) is listed once.
/// </summary>
internal sealed class AppointmentIndex(IGrainFactory grains, string subAccountId, DateTimeOffset now)
{
    /// <summary>Appointments in order of start then id, after <paramref name="afterKey"/>, each with its paging key.</summary>
    public async IAsyncEnumerable<(string Key, AppointmentDetails Details)> ListAsync(
        IReadOnlyList<string> owners, DateTimeOffset from, DateTimeOffset to, string? calendarId, string? afterKey,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var entries = await Task.WhenAll(owners.Select(owner => EntriesAsync(owner, from, to)));
        var candidates = entries.SelectMany(e => e)
            .Where(e => calendarId is null || e.CalendarId == calendarId)
            .Select(e => (Key: Key(e.Start, e.AppointmentId), Entry: e))
            .Where(c => afterKey is null || string.CompareOrdinal(c.Key, afterKey) > 0)
            .DistinctBy(c => c.Key)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in candidates.Chunk(50))
        {
            var details = await Task.WhenAll(chunk.Select(c => grains.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(subAccountId, c.Entry.AppointmentId)).GetAsync()));
            for (var i = 0; i < chunk.Length; i++)
            {
                if (details[i] is { } appointment && appointment.Start == chunk[i].Entry.Start && listed.Add(appointment.Id))
                {
                    yield return (chunk[i].Key, appointment);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The paging key: start (Unix milliseconds, fixed width so keys sort as text) and id.</summary>
    public static string Key(DateTimeOffset start, string appointmentId) =>
        string.Create(CultureInfo.InvariantCulture, $"{start.ToUnixTimeMilliseconds():D15}|{appointmentId}");

    private async Task<IReadOnlyList<AppointmentIndexEntry>> EntriesAsync(string owner, DateTimeOffset from, DateTimeOffset to)
    {
        var member = grains.GetGrain<IAvailabilityGrain>(GrainKeys.Scoped(subAccountId, owner));
        // A member on a silo of the previous release (a rolling upgrade) lists its reservations, as that release did.
        var hot = PreviousRelease.CallAsync(
            () => member.ListAppointmentsAsync(from, to),
            async () => (IReadOnlyList<AppointmentIndexEntry>)(await member.GetReservationsAsync(from, to))
                .Select(r => new AppointmentIndexEntry(r.AppointmentId, r.CalendarId, r.Start, r.End)).ToList());
        // Only what has ended is archived: months after now hold nothing.
        var archived = ArchiveKeys.Covering(subAccountId, owner, from, to < now ? to : now)
            .Select(key => grains.GetGrain<IAppointmentArchiveGrain>(key).ListAsync(from, to))
            .ToList();
        var all = await Task.WhenAll([hot, .. archived]);
        return [.. all.SelectMany(e => e)];
    }
}
