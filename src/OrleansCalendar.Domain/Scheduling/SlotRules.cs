using NodaTime;

namespace OrleansCalendar.Domain.Scheduling;

/// <summary>
/// A booking calendar's rules in domain types. Durations are elapsed time; <see cref="BookingWindowDays"/>
/// counts 24-hour days from now.
/// </summary>
public sealed record SlotRules(
    WeeklyHours Hours,
    DateTimeZone Zone,
    Duration SlotDuration,
    Duration SlotInterval,
    Duration BufferBefore,
    Duration BufferAfter,
    Duration MinimumNotice,
    int BookingWindowDays)
{
    /// <summary>Every problem with the rules; empty when <see cref="SlotGenerator"/> can use them.</summary>
    public IReadOnlyList<string> Validate()
    {
        List<string>? errors = null;
        void Require(bool valid, string message)
        {
            if (!valid)
            {
                (errors ??= []).Add(message);
            }
        }

        Require(SlotDuration > Duration.Zero, "The slot duration must be positive.");

        // Shorter steps would let one query produce millions of slots.
        Require(SlotInterval >= Duration.FromMinutes(1), "The slot interval must be at least one minute.");
        Require(BufferBefore >= Duration.Zero && BufferAfter >= Duration.Zero, "Buffers cannot be negative.");
        Require(MinimumNotice >= Duration.Zero, "The minimum notice cannot be negative.");
        Require(BookingWindowDays >= 0, "The booking window cannot be negative.");
        return errors ?? (IReadOnlyList<string>)[];
    }
}
