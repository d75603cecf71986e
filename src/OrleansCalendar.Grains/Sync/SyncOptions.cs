namespace OrleansCalendar.Grains.Sync;

/// <summary>Settings under <c>Sync__*</c>: how often Outlook is polled, how far ahead, and how pushes are retried.</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>The longest <see cref="TurnBudget"/>: two of them and the storage writes of a turn within 30 seconds.</summary>
    public static readonly TimeSpan MaxTurnBudget = TimeSpan.FromSeconds(12);

    /// <summary>The polling period of every conflict calendar (a safety net once webhooks run).</summary>
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>Days ahead kept in sync; the window starts at today's UTC midnight and slides daily.</summary>
    public int WindowDays { get; set; } = 90;

    /// <summary>The first wait after a failed push; it doubles with every further failure.</summary>
    public TimeSpan PushRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts of a push.</summary>
    public TimeSpan MaxPushRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest one turn of an integration waits on Microsoft (Graph and token requests together). Work left
    /// over continues in the next turn; a call such as listing calendars answers 503 <c>outlook-unavailable</c>
    /// rather than wait longer. Two budgets fit in a grain call's 30-second response timeout: a call queued behind
    /// a background turn still answers in time.
    /// </summary>
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    /// <summary>Why the settings cannot work, or null.</summary>
    public string? Problem() =>
        IntervalSeconds < 1 ? "Sync__IntervalSeconds must be at least 1."
        : WindowDays is < 1 or > 365 ? "Sync__WindowDays must be between 1 and 365."
        : PushRetryDelay <= TimeSpan.Zero || MaxPushRetryDelay < PushRetryDelay ? "Sync__PushRetryDelay must be positive and at most Sync__MaxPushRetryDelay."
        : TurnBudget <= TimeSpan.Zero || TurnBudget > MaxTurnBudget ? "Sync__TurnBudget must be positive and at most 00:00:12."
        : null;
}
