using OrleansCalendar.Server;
using OrleansCalendar.Server.Auth;
using OrleansCalendar.Server.Availability;
using OrleansCalendar.Server.Health;
using OrleansCalendar.Server.Hosting;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.Observability;
using OrleansCalendar.Server.OpenApi;
using OrleansCalendar.Server.PublicBooking;
using OrleansCalendar.Server.Security;
using OrleansCalendar.Server.Connections.Outlook;
using OrleansCalendar.Server.Events;
using OrleansCalendar.Server.WakeUp;
using OrleansCalendar.Server.WebConsole;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,

    // appsettings.json ships next to the binary; relative paths such as ./data stay relative to where the server
    // was started. Hosts that choose a content root themselves (test hosts) pass --contentRoot.
    ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
});
if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(builder);
}

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync(builder.Configuration);
}

if (BackupCommand.IsRequested(args))
{
    return BackupCommand.Run(args, builder.Configuration);
}

if (builder.Configuration["urls"] is null && builder.Configuration["http_ports"] is null && builder.Configuration["https_ports"] is null)
{
    builder.WebHost.UseUrls(ServerOptions.DefaultUrl);
}

builder.Services.Configure<ServerOptions>(builder.Configuration.GetSection(ServerOptions.Section));
builder.AddCalendarObservability();
builder.AddCalendarSilo();
builder.Services
    .AddCalendarJson()
    .AddCalendarProblemDetails()
    .AddCalendarAuth(builder.Configuration)
    .AddCalendarOpenApi()
    .AddCalendarHealth()
    .AddPublicBookingRateLimit(builder.Configuration)
    .AddSecretProtection(builder.Configuration)
    .AddWakeUps()
    .AddOutlookConnections(builder.Configuration)
    .AddAvailability(builder.Configuration)
    .AddEventWebhooks(builder.Configuration);

var app = builder.Build();

// Resolve now so a generated admin key is written (and its location logged) at start, not on first request.
app.Services.GetRequiredService<AdminKeyStore>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapWebConsole();
app.MapCalendarHealth();
app.MapCalendarOpenApi();
app.MapCalendarApi();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so functional tests can host it.</summary>
public partial class Program;
