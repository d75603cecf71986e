using Microsoft.AspNetCore.Mvc;
using OrleansCalendar.Abstractions.Errors;

namespace OrleansCalendar.Server.Http;

/// <summary>Builds RFC 9457 problem details that always carry a stable <c>code</c>.</summary>
public static class ProblemFactory
{
    public const string CodeExtension = "code";

    public static ProblemDetails Create(int status, string code, string title, string? detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Extensions = { [CodeExtension] = code },
    };

    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors, string detail) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is invalid.",
        Detail = detail,
        Extensions = { [CodeExtension] = ErrorCodes.ValidationFailed },
    };

    /// <summary>The code for a bare status, used when the framework itself rejects a request.</summary>
    public static string DefaultCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.MalformedRequest,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ErrorCodes.AdminKeyRequired,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        _ => ErrorCodes.InternalError,
    };

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.NotConfigured or ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
