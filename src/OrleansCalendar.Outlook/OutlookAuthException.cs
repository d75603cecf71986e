namespace OrleansCalendar.Outlook;

/// <summary>The token endpoint refused or failed. The message is safe to show: it never contains a token.</summary>
public sealed class OutlookAuthException : Exception
{
    public OutlookAuthException()
    {
    }

    public OutlookAuthException(string message)
        : base(message)
    {
    }

    public OutlookAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutlookAuthException(OutlookAuthFailure failure, string? error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Error = error;
    }

    public OutlookAuthFailure Failure { get; }

    /// <summary>The OAuth <c>error</c> value, e.g. <c>invalid_grant</c>.</summary>
    public string? Error { get; }
}
