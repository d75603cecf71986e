using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;

namespace OrleansCalendar.Server.Tests.Consistency;

/// <summary>
/// Every storage write of a booking operation is failed in turn, once before it reaches storage and once after (a
/// lost answer); the client retries as the README says (503 → the same request again, with its Idempotency-Key);
/// then the server restarts on the same storage. Whatever failed where, the outcome is the operation done exactly
/// once: no lost or phantom appointment, no orphan hold, nothing bookable twice.
/// </summary>
public sealed class BookingFaultMatrixTests
{
    public static TheoryData<string> Operations => new(BookingOperation.Names);

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_write_of_an_operation_can_fail_and_the_retried_operation_is_done_exactly_once(string operation)
    {
        var dataDir = TempDirectory.Create("oc-fault-matrix");
        var settings = new Dictionary<string, string?>
        {
            // Holds storage is unsure of are settled a second after the fact, and nothing is written behind
            // while an operation's writes are counted.
            ["Availability:PendingTimeout"] = "00:00:01",
            ["Availability:FlushDelay"] = "00:10:00",
            ["PublicBooking:PermitsPerMinute"] = "100000",
        };

        var runs = new List<BookingOperation>();
        await using (var app = new CalendarAppFactory(dataDir, settings, injectStorageFaults: true))
        {
            var faults = app.Faults!;
            var probe = await BookingOperation.PrepareAsync(operation, app);
            faults.Count(probe.OwnWrites);
            await probe.RunAsync();
            var writes = faults.Writes;
            Assert.NotEmpty(writes);

            for (var position = 1; position <= writes.Count; position++)
            {
                foreach (var kind in new[] { FaultKind.BeforeWrite, FaultKind.AfterWrite })
                {
                    var run = await BookingOperation.PrepareAsync(operation, app, $"write {position} of {writes.Count} ({writes[position - 1].StateName}) failing {kind}");
                    faults.FailNth(position, kind, run.OwnWrites);
                    await run.RunAsync();
                    Assert.True(faults.Injected == 1, $"{run.Description}: the fault was not injected");
                    runs.Add(run);
                }
            }

            faults.Reset();
            foreach (var run in runs)
            {
                await run.AssertDoneOnceAsync(app);
            }
        }

        await using var restarted = new CalendarAppFactory(dataDir, settings);
        foreach (var run in runs)
        {
            await run.AssertDoneOnceAsync(restarted);
        }
    }
}
