using System.Collections.Concurrent;
using OrleansCalendar.Abstractions.SubAccounts;

namespace OrleansCalendar.Server.Auth;

/// <summary>
/// Spares the sub-account grain a call on every request. Sub-accounts are never deleted, so "exists" is cached
/// for good; a verified key is trusted for a minute, so a future key rotation takes effect within a minute.
/// Both maps are bounded and simply start over when full.
/// </summary>
public sealed class SubAccountCache(IGrainFactory grains, TimeProvider clock)
{
    private const int MaxEntries = 100_000;
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, byte> _existing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verifiedKeys = new(StringComparer.Ordinal);

    public async ValueTask<bool> ExistsAsync(string subAccountId)
    {
        if (_existing.ContainsKey(subAccountId))
        {
            return true;
        }

        if (await grains.GetGrain<ISubAccountGrain>(subAccountId).GetAsync() is null)
        {
            return false;
        }

        Remember(_existing, subAccountId, (byte)0);
        return true;
    }

    public async ValueTask<bool> VerifyKeyAsync(string subAccountId, string key)
    {
        var hash = ApiKeys.Hash(key);
        var cacheKey = subAccountId + ":" + Convert.ToHexString(hash);
        if (_verifiedKeys.TryGetValue(cacheKey, out var until) && until > clock.GetUtcNow())
        {
            return true;
        }

        if (!await grains.GetGrain<ISubAccountGrain>(subAccountId).VerifyApiKeyAsync(hash))
        {
            return false;
        }

        Remember(_verifiedKeys, cacheKey, clock.GetUtcNow() + KeyLifetime);
        Remember(_existing, subAccountId, (byte)0);
        return true;
    }

    private static void Remember<T>(ConcurrentDictionary<string, T> map, string key, T value)
    {
        if (map.Count >= MaxEntries)
        {
            map.Clear();
        }

        map[key] = value;
    }
}
