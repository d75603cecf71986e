using OrleansCalendar.Abstractions.Appointments;

namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// One appointment's copy in the user's Outlook: what it should be (<see cref="Version"/>), what Outlook was last
/// told (<see cref="PushedVersion"/>), and the retry state while the two differ.
/// </summary>
[GenerateSerializer]
public sealed class PushRecord
{
    [Id(0)]
    public string AppointmentId { get; set; } = "";

    [Id(1)]
    public string CalendarId { get; set; } = "";

    [Id(2)]
    public long Version { get; set; }

    [Id(3)]
    public DateTimeOffset Start { get; set; }

    [Id(4)]
    public DateTimeOffset End { get; set; }

    [Id(5)]
    public string TimeZone { get; set; } = "UTC";

    [Id(6)]
    public string Subject { get; set; } = "";

    [Id(7)]
    public string Body { get; set; } = "";

    [Id(8)]
    public bool Cancelled { get; set; }

    /// <summary>The Outlook calendar the copy lives in: the linked calendar when it was first pushed.</summary>
    [Id(9)]
    public string OutlookCalendarId { get; set; } = "";

    [Id(10)]
    public string? EventId { get; set; }

    /// <summary>Bumped when the copy has to be created again (it was deleted in Outlook): a new transaction id.</summary>
    [Id(11)]
    public int Generation { get; set; }

    [Id(12)]
    public long PushedVersion { get; set; } = -1;

    /// <summary>Where the copy stands in Outlook, as last written or read.</summary>
    [Id(13)]
    public DateTimeOffset? OutlookStart { get; set; }

    [Id(14)]
    public DateTimeOffset? OutlookEnd { get; set; }

    [Id(15)]
    public SyncState State { get; set; } = SyncState.Pending;

    [Id(16)]
    public int Attempts { get; set; }

    [Id(17)]
    public DateTimeOffset NextAttemptAt { get; set; }

    [Id(18)]
    public string? LastError { get; set; }

    [Id(19)]
    public string TransactionId { get; set; } = "";

    public bool IsDirty => PushedVersion != Version;
}
