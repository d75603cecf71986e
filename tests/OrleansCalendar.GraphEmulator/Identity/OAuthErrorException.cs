namespace OrleansCalendar.GraphEmulator.Identity;

/// <summary>
/// An error of the token endpoint, answered as the identity platform does:
/// <c>{"error","error_description":"AADSTSnnnn: ...","error_codes":[n],"timestamp","trace_id","correlation_id","error_uri"}</c>.
/// </summary>
public sealed class OAuthErrorException : Exception
{
    public OAuthErrorException()
        : this(400, "invalid_request", 900144, "The request is not valid.")
    {
    }

    public OAuthErrorException(string message)
        : this(400, "invalid_request", 900144, message)
    {
    }

    public OAuthErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Error = "invalid_request";
        AadstsCode = 900144;
    }

    public OAuthErrorException(int statusCode, string error, int aadstsCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Error = error;
        AadstsCode = aadstsCode;
    }

    public int StatusCode { get; }

    public string Error { get; }

    public int AadstsCode { get; }

    public static OAuthErrorException MissingParameter(string name) =>
        new(400, "invalid_request", 900144, $"The request body must contain the following parameter: '{name}'.");

    public static OAuthErrorException InvalidGrant(int aadsts, string message) => new(400, "invalid_grant", aadsts, message);
}
