namespace OrleansCalendar.Domain.Scheduling;

/// <summary>Spreads round-robin bookings evenly: the free member with the fewest bookings goes next.</summary>
public static class RoundRobin
{
    /// <summary>
    /// The free member with the fewest bookings (a member missing from <paramref name="bookingCounts"/> has none);
    /// ties go to the ordinally smallest id, so every silo picks the same member.
    /// </summary>
    /// <exception cref="ArgumentException">When no member is free.</exception>
    public static string Pick(IReadOnlyList<string> freeUserIds, IReadOnlyDictionary<string, int> bookingCounts)
    {
        if (freeUserIds.Count == 0)
        {
            throw new ArgumentException("No free member to pick from.", nameof(freeUserIds));
        }

        var best = freeUserIds[0];
        var bestCount = bookingCounts.GetValueOrDefault(best);
        for (var i = 1; i < freeUserIds.Count; i++)
        {
            var candidate = freeUserIds[i];
            var count = bookingCounts.GetValueOrDefault(candidate);
            if (count < bestCount || (count == bestCount && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }
}
