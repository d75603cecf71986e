using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> as the admin or as one sub-account.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKeyStore adminKeys,
    SubAccountCache subAccounts,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must use the Bearer scheme.");
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (adminKeys.IsAdminKey(key))
        {
            return Success(new Claim(ClaimTypes.Role, CallerClaims.AdminRole));
        }

        if (ApiKeys.TryGetSubAccountId(key, out var subAccountId) && await subAccounts.VerifyKeyAsync(subAccountId, key))
        {
            return Success(new Claim(CallerClaims.SubAccountClaim, subAccountId));
        }

        return AuthenticateResult.Fail("Unknown API key.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblem(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Unauthorized",
            "A valid API key is required: send 'Authorization: Bearer <key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, ErrorCodes.AdminKeyRequired, "Forbidden",
            "This operation needs the admin key.");

    private AuthenticateResult Success(Claim claim)
    {
        var identity = new ClaimsIdentity([claim], Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    private Task WriteProblem(int status, string code, string title, string detail)
    {
        Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ProblemFactory.Create(status, code, title, detail),
        }).AsTask();
    }
}
