using System.Diagnostics;
using System.Globalization;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.GraphEmulator.Control;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Outlook change → free slots: an event lands in the emulator's Work calendar at a random moment, and free
/// slots are read every 20 ms until its slot is gone. Returns the sorted latencies in milliseconds.
/// </summary>
internal static class ChangeLatency
{
    /// <summary>The server settings that point its Outlook adapter at <paramref name="emulator"/>, polling every <paramref name="pollSeconds"/>.</summary>
    public static Dictionary<string, string> ServerSettings(GraphEmulatorServer emulator, int pollSeconds) => new()
    {
        ["Outlook__ClientId"] = emulator.ClientId,
        ["Outlook__ClientSecret"] = emulator.ClientSecret,
        ["Outlook__AuthorityHost"] = emulator.AuthorityHost,
        ["Outlook__GraphBaseUrl"] = emulator.GraphBaseUrl,
        ["Sync__IntervalSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture),
    };

    public static async Task<double[]> MeasureAsync(
        HttpClient admin, GraphEmulatorServer emulator, EmulatedMailbox mailbox, string workCalendarId, string freeSlots, int changes, TimeSpan spread)
    {
        var latencies = new List<double>();
        var day = DateTime.UtcNow.Date.AddDays(3);
        for (var i = 0; i < changes; i++)
        {
            // A random moment, as real changes arrive (within a polling period, when polling).
            await Task.Delay(Random.Shared.Next((int)spread.TotalMilliseconds));
            var start = day.AddHours(9).AddMinutes(30 * (i % 16));
            var watch = Stopwatch.StartNew();
            emulator.Control.AddEvent(mailbox.Email, workCalendarId, new EventSpec($"Change {i}", DateTime.SpecifyKind(start, DateTimeKind.Utc), DateTime.SpecifyKind(start.AddMinutes(30), DateTimeKind.Utc)));
            var url = $"{freeSlots}?start={DateOnly.FromDateTime(day):yyyy-MM-dd}&end={DateOnly.FromDateTime(day):yyyy-MM-dd}&timeZone=UTC";
            while (await SyncScenario.SlotOfferedAsync(admin, url, start) && watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20);
            }

            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (i % 16 == 15)
            {
                day = day.AddDays(1);
            }
        }

        return [.. latencies.Order()];
    }

    public static double Percentile(double[] sorted, double q) =>
        sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];

    public static string Ms(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
