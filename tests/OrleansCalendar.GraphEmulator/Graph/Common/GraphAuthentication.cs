using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>
/// Resolves the bearer token of every <c>/v1.0</c> request to a <see cref="GraphCaller"/>, answering
/// 401 <c>InvalidAuthenticationToken</c> like Graph, and keeps <c>/users/{id}</c> routes to the caller's own mailbox.
/// </summary>
internal sealed class GraphAuthentication(GraphEmulatorState state) : IEndpointFilter
{
    private static readonly object CallerKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = Authenticate(http.Request);
        if (http.Request.RouteValues.TryGetValue("userId", out var value) && value is string userId && !caller.Mailbox.IsNamedBy(userId))
        {
            throw GraphErrorException.AccessDenied();
        }

        http.Items[CallerKey] = caller;
        return await next(context);
    }

    public static GraphCaller CallerOf(HttpContext context) =>
        context.Items.TryGetValue(CallerKey, out var caller) && caller is GraphCaller known
            ? known
            : throw new InvalidOperationException("The Graph authentication filter did not run.");

    /// <summary>The bearer token of a request, if any.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private GraphCaller Authenticate(HttpRequest request)
    {
        var token = BearerToken(request);
        if (string.IsNullOrEmpty(token))
        {
            throw new GraphErrorException(401, "InvalidAuthenticationToken", "Access token is empty.");
        }

        if (token.Count(c => c == '.') != 2)
        {
            throw new GraphErrorException(401, "InvalidAuthenticationToken",
                "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format.");
        }

        var grant = state.Identity.FindAccessToken(token)
            ?? throw new GraphErrorException(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
        if (grant.ExpiresAt <= state.Options.TimeProvider.GetUtcNow())
        {
            throw new GraphErrorException(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
        }

        var mailbox = state.Mailboxes.FindMailbox(grant.MailboxId)
            ?? throw new GraphErrorException(401, "InvalidAuthenticationToken", "The user or the mailbox of this token no longer exists.");
        return new GraphCaller(mailbox, grant.Scopes, grant.ClientId);
    }
}
