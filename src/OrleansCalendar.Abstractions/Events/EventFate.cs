namespace OrleansCalendar.Abstractions.Events;

/// <summary>What became of a change an event was prepared for.</summary>
public enum EventFate
{
    /// <summary>The producer is still writing it: ask again later.</summary>
    Unknown,

    /// <summary>The producer's stored state has the change: deliver the event.</summary>
    Committed,

    /// <summary>The producer's stored state does not have it and never will: drop the event.</summary>
    Aborted,
}
