using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>The identity platform v2 endpoints: authorize, token and OpenID discovery.</summary>
internal static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/{tenant}");
        tenant.MapGet("/oauth2/v2.0/authorize", AuthorizeHandler.Handle).WithName("Authorize");
        tenant.MapPost("/oauth2/v2.0/token", TokenHandler.HandleAsync).WithName("Token").DisableAntiforgery();
        tenant.MapGet("/v2.0/.well-known/openid-configuration", Discovery).WithName("OpenIdConfiguration");
        return app;
    }

    private static IResult Discovery(HttpContext context, string tenant, GraphEmulatorState state)
    {
        var host = $"{context.Request.Scheme}://{context.Request.Host}";
        var document = new JsonObject
        {
            ["issuer"] = $"{host}/{state.Options.TenantId}/v2.0",
            ["authorization_endpoint"] = $"{host}/{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{host}/{tenant}/oauth2/v2.0/token",
            ["response_types_supported"] = new JsonArray("code"),
            ["response_modes_supported"] = new JsonArray("query", "form_post"),
            ["grant_types_supported"] = new JsonArray("authorization_code", "refresh_token"),
            ["code_challenge_methods_supported"] = new JsonArray("S256", "plain"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
            ["tenant_region_scope"] = "emulator",
        };
        return Results.Text(document.ToJsonString(), "application/json; charset=utf-8");
    }
}
