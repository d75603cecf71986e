namespace OrleansCalendar.Abstractions;

/// <summary>
/// Compound grain keys. Every tenant-owned grain is keyed by its sub-account first, so an id from another
/// sub-account simply addresses a grain that does not exist.
/// </summary>
public static class GrainKeys
{
    private const char Separator = '/';

    public static string Scoped(string subAccountId, string id) => subAccountId + Separator + id;

    public static (string SubAccountId, string Id) Split(string key)
    {
        var index = key.IndexOf(Separator, StringComparison.Ordinal);
        return index < 0 ? throw new ArgumentException($"'{key}' is not a scoped grain key.", nameof(key)) : (key[..index], key[(index + 1)..]);
    }
}
