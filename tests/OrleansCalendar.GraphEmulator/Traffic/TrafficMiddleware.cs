using System.Diagnostics;
using OrleansCalendar.GraphEmulator.Faults;
using OrleansCalendar.GraphEmulator.Graph.Common;
using OrleansCalendar.GraphEmulator.Graph.Users;
using OrleansCalendar.GraphEmulator.Identity;
using OrleansCalendar.GraphEmulator.State;

namespace OrleansCalendar.GraphEmulator.Traffic;

/// <summary>
/// Outermost middleware for Graph and identity requests: attributes each request to a mailbox, counts it
/// in flight, applies fault rules (latency first, then the status) and writes the request log.
/// </summary>
internal sealed class TrafficMiddleware(RequestDelegate next, GraphEmulatorState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/_emulator", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var mailbox = MailboxOf(context.Request);
        var startedAt = state.Options.TimeProvider.GetUtcNow();
        var watch = Stopwatch.StartNew();
        string? faultId = null;
        var inFlight = mailbox is null ? 0 : state.Concurrency.Enter(mailbox.Id);
        try
        {
            if (mailbox is not null && state.Options.MailboxConcurrencyLimit is { } limit && inFlight > limit && IsGraph(path))
            {
                context.Response.Headers.RetryAfter = "1";
                await GraphResponses.WriteErrorAsync(context, 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.");
                return;
            }

            var rule = state.Faults.Match(context.Request.Method, path, context.Request.QueryString.Value ?? "", mailbox);
            faultId = rule?.Id;
            if (rule?.Latency is { } latency)
            {
                await Task.Delay(latency, context.RequestAborted);
            }

            if (rule is { StatusCode: { } lost, AfterHandling: true })
            {
                await HandleThenLoseAnswerAsync(context);
                await WriteFaultAsync(context, rule, lost, path);
                return;
            }

            if (rule?.StatusCode is { } status)
            {
                await WriteFaultAsync(context, rule, status, path);
                return;
            }

            await next(context);
        }
        finally
        {
            if (mailbox is not null)
            {
                state.Concurrency.Exit(mailbox.Id);
            }

            state.Requests.Add(new RequestLogEntry(
                startedAt,
                context.Request.Method,
                path + context.Request.QueryString.Value,
                context.Response.StatusCode,
                mailbox?.Id,
                mailbox?.Email,
                watch.Elapsed,
                faultId));
        }
    }

    /// <summary>Runs the request into a buffer that is thrown away, so the fault can answer instead.</summary>
    private async Task HandleThenLoseAnswerAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        context.Response.Clear();
    }

    private static bool IsGraph(string path) => path.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase);

    private MailboxData? MailboxOf(HttpRequest request) =>
        GraphAuthentication.BearerToken(request) is { } token && state.Identity.FindAccessToken(token) is { } grant
            ? state.Mailboxes.FindMailbox(grant.MailboxId)
            : null;

    private static Task WriteFaultAsync(HttpContext context, FaultRule rule, int status, string path)
    {
        var retryAfter = rule.RetryAfterSeconds ?? (status == 429 ? 1 : null);
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!IsGraph(path))
        {
            return OAuthResponses.WriteErrorAsync(context, new OAuthErrorException(status, "temporarily_unavailable", 90033,
                "A transient error has occurred. Please try again."));
        }

        var code = rule.ErrorCode ?? status switch
        {
            429 => "TooManyRequests",
            502 => "badGateway",
            503 => "serviceNotAvailable",
            504 => "gatewayTimeout",
            _ => "generalException",
        };
        var message = status == 429
            ? "Too many requests. Please retry after the time given in the Retry-After header."
            : "The service is temporarily unavailable (injected by the Graph emulator).";
        return GraphResponses.WriteErrorAsync(context, status, code, message);
    }
}
