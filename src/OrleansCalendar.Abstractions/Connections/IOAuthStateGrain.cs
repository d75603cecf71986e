namespace OrleansCalendar.Abstractions.Connections;

/// <summary>One OAuth <c>state</c> value (the key): stored once, taken once, dead after ten minutes.</summary>
public interface IOAuthStateGrain : IGrainWithStringKey
{
    Task StoreAsync(PendingAuthorization authorization);

    /// <summary>The authorization, once; null when unknown, expired or already used.</summary>
    Task<PendingAuthorization?> TakeAsync();
}
