namespace OrleansCalendar.Server.Auth;

/// <summary>Settings under <c>Auth__*</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The admin key. When unset, one is generated on first start and kept in the data directory.</summary>
    public string? AdminKey { get; set; }
}
