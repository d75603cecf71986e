namespace OrleansCalendar.Abstractions.Errors;

/// <summary>
/// The class of a business rule failure. The HTTP edge maps each kind to one status code,
/// so grains state what went wrong without knowing anything about HTTP.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request is malformed or a field is invalid (400).</summary>
    Invalid,

    /// <summary>The resource does not exist, or is not visible to the caller (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict,

    /// <summary>The request is well formed but breaks a product rule (422).</summary>
    Unprocessable,

    /// <summary>A feature needs operator configuration that is missing (503).</summary>
    NotConfigured,

    /// <summary>A dependency (Microsoft) failed even after retries; trying later may work (503).</summary>
    Unavailable,
}
