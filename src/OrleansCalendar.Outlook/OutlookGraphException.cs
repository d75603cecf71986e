namespace OrleansCalendar.Outlook;

/// <summary>A Graph request failed after retries (or was not retryable). Carries what the caller needs to decide.</summary>
public sealed class OutlookGraphException : Exception
{
    public OutlookGraphException()
    {
    }

    public OutlookGraphException(string message)
        : base(message)
    {
    }

    public OutlookGraphException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutlookGraphException(int? statusCode, string? errorCode, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    public int? StatusCode { get; }

    /// <summary>Graph's error code, e.g. <c>ErrorAccessDenied</c>, <c>syncStateNotFound</c>.</summary>
    public string? ErrorCode { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Throttling, server faults and timeouts: worth trying again later.</summary>
    public bool IsTransient => StatusCode is null or 429 or >= 500;

    /// <summary>The token was refused (401): the grant may be dead.</summary>
    public bool IsUnauthorized => StatusCode == 401;
}
