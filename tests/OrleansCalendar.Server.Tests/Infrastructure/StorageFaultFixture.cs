namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>The sync fixture's server and emulator, with the server's grain storage failing the writes a test chooses.</summary>
public sealed class StorageFaultFixture : OutlookFixture
{
    public Faults.StorageFaults Faults => App.Faults!;

    protected override IDictionary<string, string?>? ExtraSettings => SyncFixture.SyncSettings;

    protected override CalendarAppFactory CreateApp(Dictionary<string, string?> settings) => new(settings: settings, injectStorageFaults: true);
}
