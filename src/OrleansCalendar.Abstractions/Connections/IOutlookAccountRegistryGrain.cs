using Orleans.CodeGeneration;

namespace OrleansCalendar.Abstractions.Connections;

/// <summary>
/// One Microsoft account (keyed by its object id) is connected to at most one user in one sub-account.
/// A single activation cluster-wide makes the claim atomic.
/// </summary>
/// <remarks>Version 1 passes on a claim its holder does not hold, asking the holder (its version 1).</remarks>
[Version(1)]
public interface IOutlookAccountRegistryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims the account for the integration; true when free, already claimed by it, or claimed by an integration
    /// that does not hold it (its connect failed, or its disconnect did not get as far as releasing).
    /// </summary>
    Task<bool> TryClaimAsync(string integrationKey);

    /// <summary>Frees the account if the integration holds it.</summary>
    Task ReleaseAsync(string integrationKey);
}
