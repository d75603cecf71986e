using Polly;
using OrleansCalendar.Grains.Events;

namespace OrleansCalendar.Server.Events;

public static class EventWebhookSetup
{
    /// <summary>A delivery attempt that gets no complete answer within this time has failed.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Outbound event webhooks: <c>Events__*</c> settings, the guarded HTTP client, the sender, the wake-up directory
    /// and the start-up wake-up.
    /// </summary>
    public static IServiceCollection AddEventWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventOptions>()
            .Bind(configuration.GetSection(EventOptions.Section))
            .Validate(o => o.Problem() is null, "Invalid Events__* settings: Events__RetrySchedule comma-separated TimeSpans, Events__DisableAfter and Events__VerifyAfter positive, Events__DeliveryRetention at least a day.")
            .ValidateOnStart();
        services.AddSingleton<WebhookTargetPolicy>();
        services.AddSingleton<EventPayloads>();
        services.AddSingleton<IWebhookSender, WebhookSender>();
        services.AddSingleton<IEventWorkRegistry, ShardedEventWorkRegistry>();
        services.AddHostedService<EventWakeUp>();

        // One attempt per delivery: retries are the schedule's job, not the HTTP pipeline's. Redirects are not
        // followed (a 3xx is a failure), and every connection goes through the private-target guard.
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<WebhookTargetPolicy>().ConnectAsync,
                ConnectTimeout = AttemptTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxResponseHeadersLength = 64,
                UseCookies = false,
            })
            .AddResilienceHandler("event-webhooks", pipeline => pipeline.AddTimeout(AttemptTimeout));
        return services;
    }
}
