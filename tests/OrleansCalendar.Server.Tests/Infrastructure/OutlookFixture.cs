using System.Net;
using OrleansCalendar.GraphEmulator;
using OrleansCalendar.GraphEmulator.Control;
using OrleansCalendar.GraphEmulator.Identity;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// The real server wired to the project's Graph + identity emulator over real HTTP: the same configuration an
/// operator would set for a national cloud, pointed at loopback.
/// </summary>
public class OutlookFixture : IAsyncLifetime
{
    public const string ReadWriteScopes = "Calendars.ReadWrite User.Read offline_access openid profile";
    public const string ReadScopes = "Calendars.Read User.Read offline_access openid profile";

    public GraphEmulatorServer Emulator { get; private set; } = null!;

    public CalendarAppFactory App { get; private set; } = null!;

    public GraphEmulatorControl Outlook => Emulator.Control;

    public async Task InitializeAsync()
    {
        Emulator = await GraphEmulatorServer.StartAsync(EmulatorOptions());
        App = CreateApp(Settings(Emulator, ExtraSettings));
        App.Start();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    /// <summary>Settings a derived fixture adds to the app's.</summary>
    protected virtual IDictionary<string, string?>? ExtraSettings => null;

    /// <summary>Small pages by default, so every test crosses page boundaries.</summary>
    protected virtual GraphEmulatorOptions EmulatorOptions() => new() { DefaultPageSize = 2 };

    protected virtual CalendarAppFactory CreateApp(Dictionary<string, string?> settings) => new(settings: settings);

    /// <summary>A fixture view over an emulator a test started itself (no app of its own).</summary>
    public static OutlookFixture For(GraphEmulatorServer emulator) => new() { Emulator = emulator };

    public static Dictionary<string, string?> Settings(GraphEmulatorServer emulator, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outlook:ClientId"] = emulator.ClientId,
            ["Outlook:ClientSecret"] = emulator.ClientSecret,
            ["Outlook:AuthorityHost"] = emulator.AuthorityHost,
            ["Outlook:GraphBaseUrl"] = emulator.GraphBaseUrl,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A mailbox with a default writable calendar, a second writable one and a read-only shared one.</summary>
    public TestMailbox NewMailbox(string name = "Adele")
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@contoso.test";
        var mailbox = Outlook.AddMailbox(email, $"{name} Vance");
        var work = Outlook.AddCalendar(email, "Work");
        var holidays = Outlook.AddCalendar(email, "Holidays", canEdit: false, ownerName: "Holidays", ownerAddress: "holidays@contoso.test");
        return new TestMailbox(mailbox.Id, email, mailbox.DefaultCalendarId, work.Id, holidays.Id);
    }
}

/// <summary>An emulated Outlook mailbox and its calendars.</summary>
public sealed record TestMailbox(string Id, string Email, string DefaultCalendarId, string WorkCalendarId, string ReadOnlyCalendarId);
