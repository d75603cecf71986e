using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrleansCalendar.Server.Observability;

public static class ObservabilitySetup
{
    public const string ServiceName = "orleans-calendar";

    /// <summary>
    /// Metrics (ASP.NET Core, HttpClient, runtime, Orleans, our own meter) always; traces and logs over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Tracing is not wired without an exporter: recording spans for
    /// every grain call that nobody collects would cost a measurable share of each request.
    /// Console logs stay structured (<c>Logging__Console__FormatterName=json</c> for JSON lines).
    /// </summary>
    public static WebApplicationBuilder AddCalendarObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarTelemetry>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m => m
                .AddMeter("Microsoft.Orleans", CalendarTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (IsOtlpConfigured(builder.Configuration))
        {
            telemetry
                .WithTracing(t => t
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", CalendarTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    .AddHttpClientInstrumentation())
                .WithLogging()
                .UseOtlpExporter();
        }

        return builder;
    }

    public static bool IsOtlpConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
