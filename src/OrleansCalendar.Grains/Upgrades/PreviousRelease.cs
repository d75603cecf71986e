namespace OrleansCalendar.Grains.Upgrades;

/// <summary>
/// Calls that reach a silo of the previous release during a rolling upgrade. Orleans decodes a request before it
/// checks the grain interface's version, so a method added in this release fails on an activation that a silo of the
/// previous release hosts (it cannot resolve the method's invokable type), even with [Version] raised and the
/// LatestVersion selector (dotnet/orleans#8439). Such a request never ran, so the caller may safely fall back to what
/// the previous release offered; docs/contributing.md says when a new method needs this.
/// </summary>
public static class PreviousRelease
{
    /// <summary>Whether <paramref name="exception"/> says the callee could not decode the method (it predates it).</summary>
    public static bool CannotDecode(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // The alias of a grain method's invokable: ("inv", [GrainReference], [interface], "method id").
            if (e is TypeLoadException && e.Message.Contains("(\"inv\"", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Calls <paramref name="current"/>; when the callee predates it, <paramref name="previous"/> instead.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> current, Func<Task<T>> previous)
    {
        try
        {
            return await current();
        }
        catch (Exception e) when (CannotDecode(e))
        {
            return await previous();
        }
    }

    /// <summary>Calls <paramref name="current"/>; when the callee predates it, <paramref name="previous"/> instead.</summary>
    public static async Task CallAsync(Func<Task> current, Func<Task> previous)
    {
        try
        {
            await current();
        }
        catch (Exception e) when (CannotDecode(e))
        {
            await previous();
        }
    }
}
