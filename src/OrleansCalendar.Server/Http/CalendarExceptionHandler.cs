using System.Data.Common;
using System.Text.Json;
using Orleans.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Grains.Upgrades;

namespace OrleansCalendar.Server.Http;

/// <summary>
/// Turns every exception into problem+json. Rule violations and bad input map to 4xx with their code;
/// faults of the cluster that a retry gets past (a silo died or is leaving, storage hiccuped) become 503 with
/// <c>Retry-After</c>; only genuine faults become 500, and those never echo internals to the client.
/// </summary>
public sealed class CalendarExceptionHandler(IProblemDetailsService problems, ILogger<CalendarExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            CalendarException { Field: { } field } e => ProblemFactory.Validation(new Dictionary<string, string[]> { [field] = [e.Message] }, e.Message),
            CalendarException e => ProblemFactory.Create(ProblemFactory.StatusFor(e.Kind), e.Code, TitleFor(e.Kind), e.Message),
            RequestValidationException e => ProblemFactory.Validation(e.Errors, "One or more fields are invalid."),
            BadHttpRequestException e => FromBadRequest(e),
            _ => null,
        };

        if (problem is null && IsTransient(exception))
        {
            // Retrying cannot double-book: a booking that did commit makes its retry answer 409 slot-unavailable.
            logger.LogWarning(exception, "Transient cluster fault for {Method} {Path}; the client is told to retry", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "1";
            problem = ProblemFactory.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.TemporarilyUnavailable,
                "Temporarily unavailable", "The service is moving work between its servers. Retry in a second.");
        }

        if (problem is null)
        {
            if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            logger.LogError(exception, "Unhandled error for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = ProblemFactory.Create(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                "Internal server error", "The server failed to process the request. It has been logged.");
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// A silo that died or is shutting down (the message was rejected or never answered), a write that lost a race
    /// with a newer activation (its activation is dropped and reloads), storage that did not answer, or, during a
    /// rolling upgrade, a grain on a silo of the previous release asked for something this release added (the
    /// activation moves to a new silo when its old one leaves).
    /// </summary>
    private static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OrleansMessageRejectionException or TimeoutException or InconsistentStateException or DbException
                || PreviousRelease.CannotDecode(e))
            {
                return true;
            }
        }

        return false;
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        var json = FindJsonException(exception);
        if (json is not null)
        {
            var field = JsonPathToField(json.Path);
            var message = CleanJsonMessage(json);
            var errors = new Dictionary<string, string[]> { [field] = [message] };
            var problem = ProblemFactory.Validation(errors, $"The JSON body is invalid: {message}");
            problem.Extensions[ProblemFactory.CodeExtension] = ErrorCodes.MalformedJson;
            return problem;
        }

        var status = exception.StatusCode;
        return ProblemFactory.Create(status, ProblemFactory.DefaultCode(status), "Bad request", exception.Message);
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>"$.contact.name" → "contact.name"; the body itself is "$".</summary>
    private static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string CleanJsonMessage(JsonException exception)
    {
        // System.Text.Json appends path and position details that the field name already carries.
        // Type names are internal: never echo them.
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        var typeClause = message.IndexOf(" contained in type", StringComparison.Ordinal);
        if (typeClause > 0)
        {
            return message[..typeClause] + ".";
        }

        return message.Replace("System.", "", StringComparison.Ordinal);
    }

    private static string TitleFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "The request is invalid.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "Conflict.",
        ErrorKind.Unprocessable => "The request breaks a rule.",
        ErrorKind.NotConfigured => "Not configured.",
        ErrorKind.Unavailable => "Temporarily unavailable.",
        _ => "Error.",
    };
}
