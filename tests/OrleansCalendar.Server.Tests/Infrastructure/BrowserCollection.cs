namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// The browser tests share one <see cref="BrowserFixture"/> (server, Graph emulator, Chromium) and run one after
/// another: each test makes its own sub-account, so they never see each other's data.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
