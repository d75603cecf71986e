using System.Security.Claims;

namespace OrleansCalendar.Server.Auth;

/// <summary>The two kinds of caller: the operator (admin key) and one sub-account (its key).</summary>
public static class CallerClaims
{
    public const string Scheme = "ApiKey";
    public const string SubAccountClaim = "subaccount";
    public const string AdminRole = "admin";
    public const string AdminPolicy = "admin";

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal.IsInRole(AdminRole);

    /// <summary>Whether the caller may see the sub-account: admins see all, a sub-account key only its own.</summary>
    public static bool CanAccessSubAccount(this ClaimsPrincipal principal, string subAccountId) =>
        principal.IsAdmin() || principal.HasClaim(SubAccountClaim, subAccountId);
}
