using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Storage;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Grains.Appointments;
using OrleansCalendar.Grains.Availability;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.History;

/// <summary>
/// The previous release kept every reservation of an owner, and its Outlook busy time, in one record. That record,
/// as the previous release wrote it, is moved on activation: future holds into day pages, ended ones into the
/// archive, abandoned pending holds checked and dropped, busy time into source records, and the record sealed.
/// </summary>
public sealed class LegacyAvailabilityMoveTests
{
    [Fact]
    public Task Availability_stored_by_the_previous_release_is_moved_and_nothing_is_lost_across_a_restart_on_sqlite()
    {
        var dataDir = TempDirectory.Create("oc-legacy-availability");
        return MoveAsync(() => new CalendarAppFactory(dataDir));
    }

    /// <summary>Writes the previous release's records, then checks the move on a server and after a restart.</summary>
    internal static async Task MoveAsync(Func<CalendarAppFactory> startServer)
    {
        var future = BookingScenario.NewYork(10, 10);
        var abandoned = BookingScenario.NewYork(10, 12);
        var outlookBusy = BookingScenario.NewYork(10, 14);
        var ended = DateTimeOffset.UtcNow.AddDays(-40);
        string key, bookUrl, base_, uid;
        string[] ids;
        await using (var app = startServer())
        {
            var s = await BookingScenario.CreateAsync(app);
            (key, base_, uid) = (s.Client.DefaultRequestHeaders.Authorization!.Parameter!, s.Base, s.UserIds[0]);
            var cid = await s.CreateCalendarAsync();
            bookUrl = $"{s.Base}/calendars/{cid}/appointments";

            var grains = app.Services.GetRequiredService<IGrainFactory>();
            var storage = app.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
            ids = [Ids.New(Ids.AppointmentPrefix), Ids.New(Ids.AppointmentPrefix), Ids.New(Ids.AppointmentPrefix)];
            var reservations = new[] { (ids[0], ended), (ids[1], ended.AddDays(3)), (ids[2], future) }
                .Select(a => new Reservation(a.Item1, 1, cid, a.Item2, a.Item2.AddMinutes(30), a.Item2, a.Item2.AddMinutes(30), false))
                .ToList();
            foreach (var r in reservations)
            {
                var appointment = new AppointmentState
                {
                    Exists = true,
                    Plan = new AppointmentPlan(cid, [uid], r.Start, r.End, r.BlockedStart, r.BlockedEnd, false, "America/New_York"),
                    Revision = 1,
                    Status = AppointmentStatus.Confirmed,
                    Contact = new Contact("Earlier", null, null),
                    CreatedAt = r.Start.AddDays(-1),
                    UpdatedAt = r.Start.AddDays(-1),
                    Sync = [new AppointmentSync(uid, "outlook", SyncState.NotApplicable, null, null)],
                    PushVersion = 1,
                };
                await storage.WriteStateAsync("appointment", grains.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(s.SubAccountId, r.AppointmentId)).GetGrainId(), new GrainState<AppointmentState>(appointment));
            }

            var legacy = new AvailabilityState
            {
                Reservations =
                [
                    .. reservations.Select(r => new ReservationRecord { Reservation = r, Confirmed = true }),
                    new ReservationRecord
                    {
                        // A booking that died between its hold and its appointment: never confirmed, no appointment.
                        Reservation = new Reservation(Ids.New(Ids.AppointmentPrefix), 1, cid, abandoned, abandoned.AddMinutes(30), abandoned, abandoned.AddMinutes(30), false),
                        PendingUntil = DateTimeOffset.UtcNow.AddMinutes(-1),
                    },
                ],
                External = new() { ["outlook-work"] = [new ExternalBusyRecord { Start = outlookBusy, End = outlookBusy.AddHours(1), Title = null }] },
            };
            var owner = grains.GetGrain<IAvailabilityGrain>(GrainKeys.Scoped(s.SubAccountId, uid)).GetGrainId();
            await storage.WriteStateAsync("availability", owner, new GrainState<AvailabilityState>(legacy));

            await AssertMovedAsync(s.Client, ids);

            // The abandoned hold is checked with its (missing) appointment and dropped: its time is free.
            var rebooked = await Eventually.ValueAsync(
                () => s.Client.PostJsonAsync(bookUrl, new { start = BookingScenario.Iso(abandoned), contact = new { name = "Now free" } }),
                r => r.Status == HttpStatusCode.Created,
                "the abandoned hold to be dropped");
            ids = [.. ids, rebooked.Body!["id"]!.GetValue<string>()];

            var sealedRecord = new GrainState<AvailabilityState>();
            await storage.ReadStateAsync("availability", owner, sealedRecord);
            var seal = Assert.Single(sealedRecord.State!.Reservations);
            Assert.Equal(DateTimeOffset.MinValue, seal.Reservation.BlockedStart);
            Assert.Equal(DateTimeOffset.MaxValue, seal.Reservation.BlockedEnd);
        }

        await using var restarted = startServer();
        await AssertMovedAsync(restarted.CreateClientWithKey(key), ids);

        async Task AssertMovedAsync(HttpClient client, string[] expected)
        {
            Assert.Equal(HttpStatusCode.Conflict, (await client.PostJsonAsync(bookUrl, new { start = BookingScenario.Iso(future), contact = new { name = "Twice" } })).Status);
            Assert.Equal(HttpStatusCode.Conflict, (await client.PostJsonAsync(bookUrl, new { start = BookingScenario.Iso(outlookBusy), contact = new { name = "Over Outlook" } })).Status);

            var from = Uri.EscapeDataString(BookingScenario.Iso(ended.AddDays(-1)));
            var to = Uri.EscapeDataString(BookingScenario.Iso(future.AddDays(1)));
            var (status, listed) = await client.GetJsonAsync($"{base_}/appointments?start={from}&end={to}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(expected, listed!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        }
    }
}
