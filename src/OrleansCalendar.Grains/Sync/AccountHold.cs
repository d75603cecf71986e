namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// The Outlook account an integration holds, as the account registry needs to know it before passing a claim on:
/// the account storage holds as connected, and one being connected right now (claimed, not yet stored). Either
/// counts: a claim is passed on only when neither does.
/// </summary>
internal sealed class AccountHold
{
    /// <summary>The account being connected by a call in progress.</summary>
    public string? Connecting { get; set; }

    /// <summary>The account storage holds as connected, as far as this activation knows.</summary>
    public string? Stored { get; set; }

    public bool Holds(string accountId, Connections.OutlookIntegrationState state) =>
        Connecting == accountId || Stored == accountId || ConnectionRecord.HeldAccount(state) == accountId;
}
