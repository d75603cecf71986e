using OrleansCalendar.GraphEmulator;
using OrleansCalendar.GraphEmulator.Hosting;

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
