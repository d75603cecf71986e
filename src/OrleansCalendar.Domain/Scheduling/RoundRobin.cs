namespace OrleansCalendar.Domain.Scheduling;

/// <summary>Spreads round-robin bookings evenly: the free member with the fewest bookings goes next.</summary>
public static class RoundRobin
{
    /// <summary>Ties go to the ordinally smallest id, so the choice is deterministic.</summary>
    public static string Pick(IReadOnlyList<string> freeUserIds, IReadOnlyDictionary<string, int> bookingCounts)
    {
        if (freeUserIds.Count == 0)
        {
            throw new ArgumentException("No free member to pick from.", nameof(freeUserIds));
        }

        return freeUserIds
            .OrderBy(u => bookingCounts.GetValueOrDefault(u))
            .ThenBy(u => u, StringComparer.Ordinal)
            .First();
    }
}
