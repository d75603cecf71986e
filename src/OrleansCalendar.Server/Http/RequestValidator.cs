using System.Net.Mail;
using NodaTime;

namespace OrleansCalendar.Server.Http;

/// <summary>
/// Collects field errors for one request and throws them together, so a client sees every problem at once.
/// Field names are the JSON (camelCase) paths the client sent.
/// </summary>
public sealed class RequestValidator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public RequestValidator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>A required, trimmed, non-empty string of at most <paramref name="maxLength"/> characters.</summary>
    public string RequiredText(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, "is required.");
            return "";
        }

        if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return trimmed;
    }

    /// <summary>An optional string of at most <paramref name="maxLength"/> characters; blank becomes null.</summary>
    public string? OptionalText(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return trimmed;
    }

    public string RequiredEmail(string field, string? value)
    {
        var email = RequiredText(field, value, 254);
        if (email.Length > 0 && !IsEmail(email))
        {
            Add(field, "must be an email address.");
        }

        return email;
    }

    /// <summary>An IANA time zone name such as <c>America/New_York</c>.</summary>
    public DateTimeZone? RequiredTimeZone(string field, string? value)
    {
        var id = RequiredText(field, value, 64);
        if (id.Length == 0)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        if (zone is null)
        {
            Add(field, $"'{id}' is not an IANA time zone name (for example 'America/New_York').");
        }

        return zone;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
