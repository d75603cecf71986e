namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// The real clock moved by an offset the test sets: a server started with it books "today" in the past, or is moved
/// forward to see what time does to holds, archives and cached answers. Timers still run on real time.
/// </summary>
public sealed class AdjustableClock(TimeSpan offset = default) : TimeProvider
{
    private long _offsetTicks = offset.Ticks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
