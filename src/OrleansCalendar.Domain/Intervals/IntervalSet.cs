using NodaTime;

namespace OrleansCalendar.Domain.Intervals;

/// <summary>
/// An immutable set of instants stored as sorted, disjoint, non-touching, non-empty intervals. Overlap questions
/// are answered by binary search in O(log n), which keeps free-slot queries cheap however busy a person is.
/// Two sets are equal when they hold the same instants.
/// </summary>
public sealed class IntervalSet : IEquatable<IntervalSet>
{
    private readonly TimeInterval[] _items;

    // Callers guarantee the invariant; every public way in normalizes first.
    private IntervalSet(TimeInterval[] normalized) => _items = normalized;

    public static IntervalSet Empty { get; } = new([]);

    public IReadOnlyList<TimeInterval> Intervals => _items;

    public int Count => _items.Length;

    /// <summary>Builds a set from intervals in any order, merging overlapping and touching ones. O(n log n).</summary>
    public static IntervalSet From(IEnumerable<TimeInterval> intervals)
    {
        var items = intervals.ToArray();
        Array.Sort(items, static (a, b) => a.Start.CompareTo(b.Start));
        return Normalized(items);
    }

    public IntervalSet Add(TimeInterval interval) => interval.IsEmpty ? this : Union(new IntervalSet([interval]));

    /// <summary>The union of two sets by a linear merge of their sorted intervals.</summary>
    public IntervalSet Union(IntervalSet other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var merged = new TimeInterval[_items.Length + other._items.Length];
        int i = 0, j = 0, k = 0;
        while (i < _items.Length || j < other._items.Length)
        {
            merged[k++] = j >= other._items.Length || (i < _items.Length && _items[i].Start <= other._items[j].Start)
                ? _items[i++]
                : other._items[j++];
        }

        return Normalized(merged);
    }

    public IntervalSet Subtract(TimeInterval interval) => interval.IsEmpty ? this : Subtract(new IntervalSet([interval]));

    /// <summary>Every instant of this set that is not in <paramref name="other"/>; linear in both sizes.</summary>
    public IntervalSet Subtract(IntervalSet other)
    {
        if (Count == 0 || other.Count == 0)
        {
            return this;
        }

        var result = new List<TimeInterval>(_items.Length);
        var j = 0;
        foreach (var item in _items)
        {
            var start = item.Start;
            while (j < other._items.Length && other._items[j].End <= start)
            {
                j++;
            }

            // Each cut leaves a non-empty gap between two removed pieces, so the result needs no merging.
            for (var k = j; k < other._items.Length && other._items[k].Start < item.End; k++)
            {
                if (other._items[k].Start > start)
                {
                    result.Add(new TimeInterval(start, other._items[k].Start));
                }

                start = Instant.Max(start, other._items[k].End);
            }

            if (start < item.End)
            {
                result.Add(new TimeInterval(start, item.End));
            }
        }

        return new IntervalSet([.. result]);
    }

    /// <summary>The part of the set inside <paramref name="window"/>, clipped to it. O(log n + k).</summary>
    public IntervalSet Intersect(TimeInterval window)
    {
        var result = new List<TimeInterval>();
        foreach (var item in Within(window))
        {
            result.Add(new TimeInterval(Instant.Max(item.Start, window.Start), Instant.Min(item.End, window.End)));
        }

        return result.Count == 0 ? Empty : new IntervalSet([.. result]);
    }

    /// <summary>Whether any instant of <paramref name="interval"/> is in the set. O(log n).</summary>
    public bool Overlaps(TimeInterval interval)
    {
        if (interval.IsEmpty)
        {
            return false;
        }

        var index = FirstEndingAfter(interval.Start);
        return index < _items.Length && _items[index].Start < interval.End;
    }

    public bool IsFree(TimeInterval interval) => !Overlaps(interval);

    /// <summary>The intervals overlapping <paramref name="window"/>, whole (not clipped), in order. O(log n + k).</summary>
    public IEnumerable<TimeInterval> Within(TimeInterval window)
    {
        if (window.IsEmpty)
        {
            yield break;
        }

        for (var i = FirstEndingAfter(window.Start); i < _items.Length && _items[i].Start < window.End; i++)
        {
            yield return _items[i];
        }
    }

    public bool Equals(IntervalSet? other) => other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as IntervalSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => _items.Length == 0 ? "{}" : string.Join(", ", _items);

    /// <summary>The index of the first interval whose end is after <paramref name="instant"/>.</summary>
    private int FirstEndingAfter(Instant instant)
    {
        int low = 0, high = _items.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_items[mid].End <= instant)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>
    /// Merges intervals already sorted by start, in place (the array is the caller's scratch copy): touching and
    /// overlapping intervals become one, empty ones go.
    /// </summary>
    private static IntervalSet Normalized(TimeInterval[] sorted)
    {
        var count = 0;
        foreach (var item in sorted)
        {
            if (item.IsEmpty)
            {
                continue;
            }

            if (count > 0 && item.Start <= sorted[count - 1].End)
            {
                if (item.End > sorted[count - 1].End)
                {
                    sorted[count - 1] = new TimeInterval(sorted[count - 1].Start, item.End);
                }
            }
            else
            {
                sorted[count++] = item;
            }
        }

        if (count == 0)
        {
            return Empty;
        }

        Array.Resize(ref sorted, count);
        return new IntervalSet(sorted);
    }
}
