using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Grains.Sync;

namespace OrleansCalendar.Grains.Connections;

[GenerateSerializer]
public sealed class OutlookIntegrationState
{
    [Id(0)]
    public bool Exists { get; set; }

    [Id(1)]
    public ConnectionStatus Status { get; set; }

    /// <summary>The Microsoft account's object id: the key of its registry claim.</summary>
    [Id(2)]
    public string AccountId { get; set; } = "";

    [Id(3)]
    public string Email { get; set; } = "";

    [Id(4)]
    public string DisplayName { get; set; } = "";

    [Id(5)]
    public OutlookAccessLevel Access { get; set; }

    /// <summary>Encrypted with the shared key ring; never stored in plain text.</summary>
    [Id(6)]
    public string ProtectedRefreshToken { get; set; } = "";

    [Id(7)]
    public string ProtectedAccessToken { get; set; } = "";

    [Id(8)]
    public DateTimeOffset AccessTokenExpiresAt { get; set; }

    [Id(9)]
    public string? LinkedCalendarId { get; set; }

    [Id(10)]
    public List<string> ConflictCalendarIds { get; set; } = [];

    /// <summary>
    /// Starts empty (every field at its type's default) because the storage serializer fills the object a new state
    /// starts with and leaves fields at their type's default out of what it writes: only an empty start reads back
    /// what was stored. A connection sets the product's defaults when it is made.
    /// </summary>
    [Id(11)]
    public SyncPreferences Preferences { get; set; } = new(false, new List<string>(), default, false, default);

    [Id(12)]
    public DateTimeOffset? LastSyncAt { get; set; }

    [Id(13)]
    public string? LastError { get; set; }

    [Id(14)]
    public DateTimeOffset ConnectedAt { get; set; }

    /// <summary>Sync state per Outlook calendar that is pulled (conflict calendars, and the linked one for two-way).</summary>
    [Id(15)]
    public Dictionary<string, CalendarSyncRecord> Calendars { get; set; } = [];

    /// <summary>Appointments written (or to be written) to Outlook, by appointment id.</summary>
    [Id(16)]
    public Dictionary<string, PushRecord> Pushes { get; set; } = [];

    /// <summary>The Graph subscription of every watched calendar, by Outlook calendar id.</summary>
    [Id(17)]
    public Dictionary<string, SubscriptionRecord> Subscriptions { get; set; } = [];

    /// <summary>The sequence number of this connection's last stored event; kept when the connection is removed.</summary>
    [Id(18)]
    public long EventSequence { get; set; }
}
