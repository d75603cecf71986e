using NodaTime;

namespace OrleansCalendar.Domain.Intervals;

/// <summary>
/// A half-open interval [Start, End) on the timeline. Half-open is what makes back-to-back bookings work:
/// 10:00–10:30 and 10:30–11:00 share an edge but do not overlap.
/// </summary>
/// <exception cref="ArgumentException">When <paramref name="End"/> is before <paramref name="Start"/>.</exception>
public readonly record struct TimeInterval(Instant Start, Instant End)
{
    // Get-only (not init) so that a `with` expression cannot build an interval that ends before it starts.
    public Instant Start { get; } = Start;

    public Instant End { get; } = End >= Start
        ? End
        : throw new ArgumentException($"The end {End} is before the start {Start}.", nameof(End));

    public Duration Length => End - Start;

    public bool IsEmpty => End == Start;

    /// <summary>Whether the intervals share any instant. An empty interval has no instant, so it overlaps nothing.</summary>
    public bool Overlaps(TimeInterval other) =>
        !IsEmpty && !other.IsEmpty && Start < other.End && other.Start < End;

    public bool Contains(Instant instant) => Start <= instant && instant < End;

    /// <summary>Whether <paramref name="other"/> lies entirely inside this interval.</summary>
    public bool Covers(TimeInterval other) => Start <= other.Start && other.End <= End;

    /// <summary>The interval grown by <paramref name="before"/> at the start and <paramref name="after"/> at the end.</summary>
    public TimeInterval Widen(Duration before, Duration after) => new(Start - before, End + after);

    public override string ToString() => $"[{Start}, {End})";
}
