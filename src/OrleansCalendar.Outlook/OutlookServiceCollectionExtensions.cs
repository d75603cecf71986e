using System.Net;
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
        var maxRetries = section.GetValue<int?>(nameof(OutlookOptions.MaxRetries)) ?? new OutlookOptions().MaxRetries;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MailboxConcurrencyLimiter>();
        services.AddTransient<MailboxConcurrencyHandler>();

        services.AddHttpClient<IOutlookIdentity, OutlookIdentityClient>(OutlookIdentityClient.HttpClientName)
            .AddResilienceHandler("outlook-identity", pipeline => AddRetry(pipeline, maxRetries));

        // Order matters: the limiter is added after (inside) the resilience handler, so it holds a slot per attempt.
        var graph = services.AddHttpClient(GraphHttpClientProvider.HttpClientName);
        graph.AddResilienceHandler("outlook-graph", pipeline => AddRetry(pipeline, maxRetries));
        graph.AddHttpMessageHandler<MailboxConcurrencyHandler>();
        services.AddSingleton<GraphHttpClientProvider>();
        services.AddSingleton<IOutlookGraph, GraphOutlookClient>();
        return services;
    }

    /// <summary>
    /// Retries throttling (429, waiting at least Retry-After), server faults (5xx) and transport failures with
    /// exponential backoff and jitter, a bounded number of times, each attempt with its own timeout.
    /// </summary>
    private static void AddRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, int maxRetries)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, maxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException } => true,
                { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
                _ => false,
            }),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(30));
    }
}
