using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrleansCalendar.GraphEmulator.Control;

namespace OrleansCalendar.GraphEmulator.Hosting;

/// <summary>Tells whoever started the emulator standalone where it listens and how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, GraphEmulatorOptions options)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://127.0.0.1:5090";
        var control = app.Services.GetRequiredService<GraphEmulatorControl>();
        var mailboxes = string.Join(", ", control.ListMailboxes().Select(m => m.Email));
        Console.WriteLine($"""

            Microsoft Graph emulator listening on {address}
              Outlook__AuthorityHost = {address}
              Outlook__GraphBaseUrl  = {address}/v1.0
              Outlook__ClientId      = {options.ClientId}
              Outlook__ClientSecret  = {options.ClientSecret}
              Outlook__Tenant        = common
              mailboxes              = {(mailboxes.Length == 0 ? "(none)" : mailboxes)}
              control API            = {address}/_emulator

            """);
    }
}
