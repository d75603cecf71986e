using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OrleansCalendar.Outlook;

public static class OutlookServiceCollectionExtensions
{
    /// <summary>
    /// The identity and Graph adapters. Registration works without an app registration; only using them needs one.
    /// </summary>
    public static IServiceCollection AddOutlook(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OutlookOptions.Section);
        services.Configure<OutlookOptions>(section);
        var requestTimeout = section.GetValue<TimeSpan?>(nameof(OutlookOptions.RequestTimeout)) ?? new OutlookOptions().RequestTimeout;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MailboxConcurrencyLimiter>();
        services.AddTransient<MailboxConcurrencyHandler>();

        services.AddHttpClient<IOutlookIdentity, OutlookIdentityClient>(OutlookIdentityClient.HttpClientName)
            .AddResilienceHandler("outlook-identity", pipeline => OneBoundedAttempt(pipeline, requestTimeout));

        // Order matters: the limiter is added after (inside) the timeout, so a request queued for a mailbox slot
        // counts its wait against the same timeout as its answer.
        var graph = services.AddHttpClient(GraphHttpClientProvider.HttpClientName);
        graph.AddResilienceHandler("outlook-graph", pipeline => OneBoundedAttempt(pipeline, requestTimeout));
        graph.AddHttpMessageHandler<MailboxConcurrencyHandler>();
        services.AddSingleton<GraphHttpClientProvider>();
        services.AddSingleton<IOutlookGraph, GraphOutlookClient>();
        return services;
    }

    /// <summary>
    /// No retry here: a retry inside the HTTP pipeline would hold the calling grain's turn for as long as it waits.
    /// The grain retries on its own timer instead (with backoff, never before Retry-After).
    /// </summary>
    private static void OneBoundedAttempt(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan timeout) =>
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = timeout });
}
