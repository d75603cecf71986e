using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;

namespace OrleansCalendar.Server.Tests.Consistency;

public sealed class CancelUnderStorageFaultsTests
{
    [Fact]
    public async Task A_cancel_whose_write_failed_and_was_retried_stays_cancelled_after_a_restart()
    {
        var dataDir = TempDirectory.Create("oc-cancel-fault");
        var ten = BookingScenario.NewYork(21, 10);
        string url, key, sid, cid;
        await using (var first = new CalendarAppFactory(dataDir, injectStorageFaults: true))
        {
            var s = await BookingScenario.CreateAsync(first);
            (sid, key) = (s.SubAccountId, s.Client.DefaultRequestHeaders.Authorization!.Parameter!);
            cid = await s.CreateCalendarAsync();
            var aid = await s.BookOkAsync(cid, ten);
            url = $"{s.Base}/calendars/{cid}/appointments/{aid}";

            first.Faults!.FailNth(1, FaultKind.BeforeWrite, w => w.StateName == "appointment");
            var failed = await s.Client.SendJsonAsync(HttpMethod.Delete, url);
            failed.AssertProblem(HttpStatusCode.ServiceUnavailable, "temporarily-unavailable");

            var retried = await s.Client.SendJsonAsync(HttpMethod.Delete, url);
            Assert.Equal(HttpStatusCode.NoContent, retried.Status);
        }

        await using var second = new CalendarAppFactory(dataDir);
        var client = second.CreateClientWithKey(key);
        var (status, appointment) = await client.GetJsonAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", appointment!["status"]!.GetValue<string>());
    }
}
