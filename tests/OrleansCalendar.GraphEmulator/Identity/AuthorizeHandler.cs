using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>
/// <c>GET /{tenant}/oauth2/v2.0/authorize</c>: plays the user at the sign-in and consent pages
/// without a page, then redirects back with a code (or an error) the way Entra does.
/// </summary>
internal static class AuthorizeHandler
{
    public static IResult Handle(HttpContext context, string tenant, GraphEmulatorState state)
    {
        var query = context.Request.Query;
        var options = state.Options;
        var clientId = query["client_id"].ToString();
        if (clientId.Length == 0)
        {
            return ErrorPage(900144, "The request body must contain the following parameter: 'client_id'.");
        }

        if (!string.Equals(clientId, options.ClientId, StringComparison.Ordinal))
        {
            return ErrorPage(700016, $"Application with identifier '{clientId}' was not found in the directory '{tenant}'.");
        }

        var redirectUri = query["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out _))
        {
            return ErrorPage(900144, "The request body must contain the following parameter: 'redirect_uri'.");
        }

        if (options.RedirectUris.Count > 0 && !options.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return ErrorPage(50011, $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{clientId}'.");
        }

        var stateParam = query["state"].FirstOrDefault();
        var formPost = string.Equals(query["response_mode"], "form_post", StringComparison.OrdinalIgnoreCase);
        IResult Fail(string error, int code, string description, string? subcode = null) =>
            Redirect(redirectUri, formPost, new()
            {
                ["error"] = error,
                ["error_subcode"] = subcode,
                ["error_description"] = $"AADSTS{code}: {description}",
                ["state"] = stateParam,
            });

        if (!string.Equals(query["response_type"], "code", StringComparison.Ordinal))
        {
            return Fail("unsupported_response_type", 700054, "response_type 'code' is expected by this emulator.");
        }

        var method = query["code_challenge_method"].FirstOrDefault();
        var challenge = query["code_challenge"].FirstOrDefault();
        if (challenge is not null && method is not null && method is not ("S256" or "plain"))
        {
            return Fail("invalid_request", 501491, $"Invalid code_challenge_method '{method}'.");
        }

        var requested = Scopes.Parse(query["scope"], options.DefaultScopes);
        if (requested.Count == 0)
        {
            return Fail("invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
        }

        var next = state.Identity.TakeNextSignIn();
        if (next?.Deny == true)
        {
            return Fail("access_denied", 65004, "User declined to consent to access the app.", "cancel");
        }

        var account = next?.Mailbox ?? query["login_hint"].FirstOrDefault();
        var mailbox = account is not null
            ? state.Mailboxes.FindMailbox(account)
            : state.Mailboxes.Mailboxes() is [var first, ..] ? first : null;
        if (mailbox is null)
        {
            return ErrorPage(50034, $"The user account {account ?? "(none)"} does not exist in the '{tenant}' directory. To sign into this application, the account must be added to the directory.");
        }

        var granted = next?.GrantedScopes is { } scripted ? Scopes.Parse(string.Join(' ', scripted), options.DefaultScopes) : requested;
        var code = state.Identity.IssueCode(
            clientId, redirectUri, mailbox.Id, granted, challenge, challenge is null ? null : method ?? "plain",
            query["nonce"].FirstOrDefault());
        return Redirect(redirectUri, formPost, new()
        {
            ["code"] = code.Code,
            ["state"] = stateParam,
            ["session_state"] = Guid.NewGuid().ToString(),
        });
    }

    private static IResult Redirect(string redirectUri, bool formPost, Dictionary<string, string?> values)
    {
        var present = values.Where(v => v.Value is not null).ToList();
        if (!formPost)
        {
            return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, present));
        }

        var html = new StringBuilder()
            .Append("<html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"")
            .Append(WebUtility.HtmlEncode(redirectUri)).Append("\">");
        foreach (var (name, value) in present)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(name))
                .Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\"/>");
        }

        return Results.Content(html.Append("</form></body></html>").ToString(), "text/html; charset=utf-8");
    }

    private static IResult ErrorPage(int aadsts, string message) => Results.Content(
        $"<html><head><title>Sign in to your account</title></head><body><h1>Sorry, but we're having trouble signing you in.</h1><p>AADSTS{aadsts}: {WebUtility.HtmlEncode(message)}</p></body></html>",
        "text/html; charset=utf-8",
        statusCode: StatusCodes.Status400BadRequest);
}
