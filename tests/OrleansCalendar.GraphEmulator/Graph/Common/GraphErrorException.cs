namespace OrleansCalendar.GraphEmulator.Graph.Common;

/// <summary>
/// Thrown by Graph handlers to answer with a Graph error body
/// (<c>{"error":{"code","message","innerError"}}</c>) and the given status.
/// </summary>
public sealed class GraphErrorException : Exception
{
    public GraphErrorException()
        : this(500, "generalException", "An unspecified error occurred.")
    {
    }

    public GraphErrorException(string message)
        : this(400, "BadRequest", message)
    {
    }

    public GraphErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Code = "BadRequest";
    }

    public GraphErrorException(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }

    public string Code { get; }

    /// <summary>Extra response headers (for example <c>Location</c> on a 410 sync reset).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static GraphErrorException NotFound() =>
        new(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static GraphErrorException AccessDenied() =>
        new(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");

    public static GraphErrorException InvalidRequest(string message) =>
        new(400, "ErrorInvalidRequest", message);
}
