namespace OrleansCalendar.Abstractions.Errors;

/// <summary>
/// A rule violation raised by a grain. It crosses the grain boundary intact and the HTTP edge turns it
/// into a problem+json response carrying <see cref="Code"/>.
/// </summary>
[GenerateSerializer]
public sealed class CalendarException : Exception
{
    public CalendarException()
    {
        Code = ErrorCodes.InternalError;
    }

    public CalendarException(string message)
        : base(message)
    {
        Code = ErrorCodes.InternalError;
    }

    public CalendarException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.InternalError;
    }

    public CalendarException(ErrorKind kind, string code, string message)
        : base(message)
    {
        Kind = kind;
        Code = code;
    }

    /// <summary>The class of failure, mapped to an HTTP status at the edge.</summary>
    [Id(0)]
    public ErrorKind Kind { get; init; }

    /// <summary>The stable, kebab-case machine-readable code (see <see cref="ErrorCodes"/>).</summary>
    [Id(1)]
    public string Code { get; init; }

    /// <summary>The request field at fault, when there is one (reported under <c>errors</c>).</summary>
    [Id(2)]
    public string? Field { get; init; }

    /// <summary>A 400 about one field, reported like any other validation error.</summary>
    public static CalendarException InvalidField(string field, string message) =>
        new(ErrorKind.Invalid, ErrorCodes.ValidationFailed, message) { Field = field };

    public static CalendarException NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static CalendarException Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static CalendarException Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);

    public static CalendarException Unprocessable(string code, string message) => new(ErrorKind.Unprocessable, code, message);
}
