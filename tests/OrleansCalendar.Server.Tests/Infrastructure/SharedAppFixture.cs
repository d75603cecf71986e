namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>One running server shared by the tests of a class (starting a silo costs seconds).</summary>
public sealed class SharedAppFixture : IAsyncLifetime
{
    public CalendarAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        // Start eagerly so the first test does not pay for it inside its own timing.
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
