namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// The real server with event webhooks to loopback allowed and a quick retry schedule, and one webhook receiver that
/// the tests share (each test posts to paths of its own).
/// </summary>
public sealed class EventsFixture : IAsyncLifetime
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Events:AllowPrivateTargets"] = "true",
        ["Events:RetrySchedule"] = "00:00:00.200,00:00:00.400,00:00:00.600",
        ["Events:VerifyAfter"] = "00:00:01",
    };

    public CalendarAppFactory App { get; } = new(settings: Settings);

    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        App.Start();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
