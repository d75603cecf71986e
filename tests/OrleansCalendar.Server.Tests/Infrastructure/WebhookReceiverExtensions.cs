namespace OrleansCalendar.Server.Tests.Infrastructure;

public static class WebhookReceiverExtensions
{
    /// <summary>Waits until <paramref name="done"/> holds for what <paramref name="name"/> received.</summary>
    public static Task<IReadOnlyList<ReceivedWebhook>> WaitAsync(this WebhookReceiver receiver, string name, Func<IReadOnlyList<ReceivedWebhook>, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => Task.FromResult(receiver.Received(name)), done, what, timeout ?? TimeSpan.FromSeconds(30));
}
