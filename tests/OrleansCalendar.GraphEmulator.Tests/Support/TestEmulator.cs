namespace OrleansCalendar.GraphEmulator.Tests.Support;

/// <summary>Emulator settings for tests: small pages so paging is exercised, quick retries.</summary>
internal static class TestEmulator
{
    public static Task<GraphEmulatorServer> StartAsync(Action<GraphEmulatorOptions>? configure = null)
    {
        var options = new GraphEmulatorOptions
        {
            DefaultPageSize = 2,
            AccessTokenLifetime = TimeSpan.FromMinutes(5),
            NotificationRetryDelay = TimeSpan.FromMilliseconds(100),
            NotificationTimeout = TimeSpan.FromSeconds(3),
            SubscriptionValidationTimeout = TimeSpan.FromSeconds(3),
        };
        configure?.Invoke(options);
        return GraphEmulatorServer.StartAsync(options);
    }
}
