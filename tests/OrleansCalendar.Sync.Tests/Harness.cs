using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Connections;
using OrleansCalendar.Grains.Sync;
using OrleansCalendar.Outlook;
using OrleansCalendar.Sync.Tests.Fakes;

namespace OrleansCalendar.Sync.Tests;

/// <summary>A connected integration's state and the plain classes around it, on a fake clock and a fake Graph.</summary>
internal sealed class Harness
{
    public const string Key = "sa_test/usr_test";
    public const string Linked = "calendar-linked";
    public const string Work = "calendar-work";

    public Harness()
    {
        Identity = new FakeOutlookIdentity(Clock);
        Tokens = new TokenSession(Identity, new ReadableSecrets(), Clock, NullLogger.Instance);
        Tokens.Store(State, Identity.Issue());
        Tokens.TakeChanged();
        Graph.Calendars = [new OutlookCalendar(Linked, "Calendar", true, true, null, null, null), new OutlookCalendar(Work, "Work", true, false, null, null, null)];
    }

    /// <summary>A Tuesday morning, UTC.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public FakeOutlookGraph Graph { get; } = new();

    public FakeOutlookIdentity Identity { get; }

    public TokenSession Tokens { get; }

    public SyncOptions Sync { get; } = new() { PushRetryDelay = TimeSpan.FromSeconds(10), MaxPushRetryDelay = TimeSpan.FromMinutes(15), TurnBudget = TimeSpan.FromSeconds(10) };

    public WebhookOptions Hooks { get; } = new() { NotificationBaseUrl = new Uri("https://calendar.example") };

    public OutlookIntegrationState State { get; set; } = new()
    {
        Exists = true,
        Status = ConnectionStatus.Connected,
        AccountId = "account-1",
        Access = OutlookAccessLevel.ReadWrite,
        LinkedCalendarId = Linked,
        ConflictCalendarIds = [Linked, Work],
        Preferences = SyncPreferences.Default,
    };

    public GraphSession Session(bool interactive = false) => new(Graph, Tokens, () => State, Key, new GraphTurn(Sync.TurnBudget, Clock), Clock, interactive);

    public CalendarPuller Puller() => new(Sync, Clock, NullLogger.Instance);

    public PushEngine Pushes() => new(Key, Sync, Clock, NullLogger.Instance);

    public SubscriptionPlanner Planner() => new(Hooks, Sync, Clock, NullLogger.Instance);

    /// <summary>A busy event instance in UTC, as a delta page carries it.</summary>
    public static OutlookEvent Event(string id, DateTimeOffset start, TimeSpan length, string showAs = "busy", string? transactionId = null) => new(id, Removed: false)
    {
        Subject = "Meeting " + id,
        ShowAs = showAs,
        Type = "singleInstance",
        Start = start.UtcDateTime,
        StartTimeZone = "UTC",
        End = (start + length).UtcDateTime,
        EndTimeZone = "UTC",
        TransactionId = transactionId,
    };

    /// <summary>Tomorrow at the given UTC hour.</summary>
    public DateTimeOffset Tomorrow(int hour) => new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(hour);
}
