using System.Text.Json.Serialization;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Graph;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Graph.Subscriptions;
using OrleansCalendar.GraphEmulator.Identity;
using OrleansCalendar.GraphEmulator.State;
using OrleansCalendar.GraphEmulator.Traffic;

namespace OrleansCalendar.GraphEmulator.Hosting;

/// <summary>Builds the emulator web application; shared by the standalone program and <see cref="GraphEmulatorServer"/>.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(WebApplicationBuilder builder, GraphEmulatorOptions options)
    {
        var state = new GraphEmulatorState(options);
        var dispatcher = new NotificationDispatcher(state);
        var control = new GraphEmulatorControl(state, dispatcher);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(dispatcher);
        builder.Services.AddHostedService(_ => new DispatcherLifetime(dispatcher));
        builder.Services.AddSingleton(control);
        builder.Services.AddSingleton<GraphAuthentication>();
        builder.Services.AddRouting();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.UseMiddleware<TrafficMiddleware>();
        app.UseMiddleware<ErrorResponseMiddleware>();
        app.UseRouting();
        app.MapIdentity();
        app.MapGraph();
        app.MapControl();

        if (options.SeedDemoData)
        {
            control.SeedDemoData();
        }

        return app;
    }
}
