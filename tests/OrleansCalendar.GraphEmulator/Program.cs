using OrleansCalendar.GraphEmulator.Hosting;

namespace OrleansCalendar.GraphEmulator;

/// <summary>
/// Standalone entry point. A named class rather than top-level statements, so test projects that reference both
/// this app and the service do not see two global <c>Program</c> types.
/// </summary>
public static class EmulatorProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5090");
        }

        var options = new GraphEmulatorOptions { SeedDemoData = true };
        builder.Configuration.GetSection("Emulator").Bind(options);
        var app = EmulatorApp.Build(builder, options);
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, options));
        await app.RunAsync();
    }
}
