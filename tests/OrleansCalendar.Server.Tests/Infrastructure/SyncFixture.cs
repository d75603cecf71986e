namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// The server and the emulator with sync settings for tests: polling effectively off (tests sync on demand through
/// the API) and quick push retries.
/// </summary>
public sealed class SyncFixture : OutlookFixture
{
    public static readonly Dictionary<string, string?> SyncSettings = new()
    {
        ["Sync:IntervalSeconds"] = "3600",
        ["Sync:PushRetryDelay"] = "00:00:00.200",
        ["Sync:MaxPushRetryDelay"] = "00:00:01",
    };

    protected override IDictionary<string, string?>? ExtraSettings => SyncSettings;
}
