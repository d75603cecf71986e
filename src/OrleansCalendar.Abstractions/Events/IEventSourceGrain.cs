using Orleans.Concurrency;

namespace OrleansCalendar.Abstractions.Events;

/// <summary>A grain that produces events: it can say whether the change behind one of its events was stored.</summary>
public interface IEventSourceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Whether the change numbered <paramref name="sequence"/> reached this grain's stored state. Interleaves, so the
    /// publisher gets an answer while the producer is busy (then <see cref="EventFate.Unknown"/> when it is writing
    /// that very change).
    /// </summary>
    [AlwaysInterleave]
    Task<EventFate> GetEventFateAsync(long sequence);
}
