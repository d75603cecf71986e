namespace OrleansCalendar.GraphEmulator.Graph.Users;

/// <summary>An emulated Microsoft 365 user with a mailbox. <see cref="Id"/> is the account's object id.</summary>
internal sealed record MailboxData(string Id, string Email, string DisplayName)
{
    public string GivenName => DisplayName.Split(' ', 2)[0];

    public string? Surname => DisplayName.Split(' ', 2) is [_, var last] ? last : null;

    /// <summary>True when <paramref name="idOrAddress"/> names this mailbox by object id or address.</summary>
    public bool IsNamedBy(string idOrAddress) =>
        string.Equals(Id, idOrAddress, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(Email, idOrAddress, StringComparison.OrdinalIgnoreCase);
}
