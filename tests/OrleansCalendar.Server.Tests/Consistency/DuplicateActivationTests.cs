using Microsoft.Extensions.DependencyInjection;
using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Availability;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;

namespace OrleansCalendar.Server.Tests.Consistency;

/// <summary>
/// Two activations of one appointment at once, as a silo's shutdown makes them for a moment; here two servers on one
/// database. The first one's write of a booking or a move is held back while the member's availability on the second
/// server asks the second activation about the new hold, which storage does not know yet. The hold may be dropped
/// only if the held write can no longer land, so whatever the client is told, storage holds the same. The held write
/// then goes on to storage, or fails on the way (storage down): it must not take the fence's new version for its own.
/// </summary>
public sealed class DuplicateActivationTests
{
    [Theory]
    [InlineData("book personal", false)]
    [InlineData("book personal", true)]
    [InlineData("reschedule", false)]
    [InlineData("reschedule", true)]
    public async Task A_hold_dropped_by_a_second_activation_fences_off_the_first_ones_write(string operation, bool heldWriteFails)
    {
        var dataDir = TempDirectory.Create("oc-duplicate");
        var settings = new Dictionary<string, string?>
        {
            // The second server's availability asks about the new hold a second after it was taken; the first one
            // writes nothing behind meanwhile.
            ["Availability:PendingTimeout"] = "00:00:01",
            ["Availability:FlushDelay"] = "00:10:00",
        };

        BookingOperation run;
        await using (var first = new CalendarAppFactory(dataDir, settings, injectStorageFaults: true))
        {
            run = await BookingOperation.PrepareAsync(operation, first, $"a second activation asked about the new hold, then the held write {(heldWriteFails ? "failed" : "went on")}");
            var held = first.Faults!.HoldNext(w => w.StateName == "appointment" && run.OwnWrites(w));
            var running = run.RunAsync();
            try
            {
                await held.Reached.WaitAsync(TimeSpan.FromSeconds(15));
                await using (var second = new CalendarAppFactory(dataDir, settings))
                {
                    await Eventually.ValueAsync(() => run.HeldOnAsync(second), heldThere => !heldThere, $"{run.Description}: the second server to drop the new hold");
                }
            }
            finally
            {
                if (heldWriteFails)
                {
                    held.Fail();
                }
                else
                {
                    held.Release();
                }
            }

            // A 201 or 200 for the held write here would be an acknowledged change without its hold.
            await running;
            await run.AssertDoneOnceAsync(first);
        }

        await using var restarted = new CalendarAppFactory(dataDir, settings);
        await run.AssertDoneOnceAsync(restarted);
    }

    [Fact]
    public async Task A_hold_is_called_abandoned_only_once_the_fence_is_stored()
    {
        await using var app = new CalendarAppFactory(injectStorageFaults: true);
        var s = await BookingScenario.CreateAsync(app);
        var faults = app.Faults!;
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        IAppointmentGrain NeverStored() => grains.GetGrain<IAppointmentGrain>(GrainKeys.Scoped(s.SubAccountId, Ids.New(Ids.AppointmentPrefix)));
        bool Own(WriteTarget w) => w.StateName == "appointment" && w.GrainId.Contains(s.SubAccountId, StringComparison.Ordinal);

        // Each answer that drops a hold is stored first: this release's question and the previous release's.
        faults.Count(Own);
        Assert.Equal(HoldFate.NotCurrent, await NeverStored().GetHoldFateAsync(1));
        Assert.False(await NeverStored().IsCurrentReservationAsync(1));
        Assert.Equal(2, faults.Writes.Count);

        // A fence that cannot be stored keeps the hold: asked again later.
        faults.FailNth(1, FaultKind.BeforeWrite, Own);
        Assert.Equal(HoldFate.Unknown, await NeverStored().GetHoldFateAsync(1));
        faults.FailNth(1, FaultKind.BeforeWrite, Own);
        await Assert.ThrowsAsync<InvalidOperationException>(() => NeverStored().IsCurrentReservationAsync(1));
    }
}
