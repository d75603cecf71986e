namespace OrleansCalendar.Outlook;

public enum OutlookAuthFailure
{
    /// <summary>The grant is dead (revoked, expired, password changed, consent withdrawn): the user must reconnect.</summary>
    ReconnectRequired,

    /// <summary>Our app credentials are wrong: an operator problem.</summary>
    InvalidClient,

    /// <summary>The code or request was rejected for another reason (bad code, PKCE mismatch, redirect mismatch).</summary>
    Rejected,

    /// <summary>The identity platform did not answer usefully (5xx, 429, timeouts); trying later may work.</summary>
    Unavailable,
}
