using System.Globalization;

namespace OrleansCalendar.Abstractions.Archive;

/// <summary>Keys of the monthly archive grains of one owner.</summary>
public static class ArchiveKeys
{
    public static string For(string subAccountId, string ownerId, DateTimeOffset start) =>
        For(subAccountId, ownerId, start.UtcDateTime.Year, start.UtcDateTime.Month);

    /// <summary>The archive keys of every UTC month overlapping [from, to).</summary>
    public static IEnumerable<string> Covering(string subAccountId, string ownerId, DateTimeOffset from, DateTimeOffset to)
    {
        var month = new DateTime(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (; month < to.UtcDateTime; month = month.AddMonths(1))
        {
            yield return For(subAccountId, ownerId, month.Year, month.Month);
        }
    }

    private static string For(string subAccountId, string ownerId, int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{GrainKeys.Scoped(subAccountId, ownerId)}/{year:D4}-{month:D2}");
}
