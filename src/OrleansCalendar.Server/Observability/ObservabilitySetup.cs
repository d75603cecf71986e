using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrleansCalendar.Server.Observability;

public static class ObservabilitySetup
{
    public const string ServiceName = "orleans-calendar";

    /// <summary>
    /// Traces and metrics (ASP.NET Core, HttpClient, runtime, Orleans, our own meter) and logs, exported over
    /// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Console logs stay structured
    /// (<c>Logging__Console__FormatterName=json</c> for JSON lines).
    /// </summary>
    public static WebApplicationBuilder AddCalendarObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarTelemetry>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(t => t
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", CalendarTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter("Microsoft.Orleans", CalendarTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithLogging().UseOtlpExporter();
        }

        return builder;
    }
}
