using System.Text;
using OrleansCalendar.Abstractions.Errors;

namespace OrleansCalendar.Server.Http;

/// <summary>
/// <c>?limit=</c> (default 50, max 500) and an opaque <c>?cursor=</c>. Cursors wrap the last item's key
/// so clients cannot depend on their contents.
/// </summary>
public sealed record PageRequest(int Limit, string? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static PageRequest Parse(int? limit, string? cursor)
    {
        var validator = new RequestValidator();
        var effectiveLimit = limit ?? DefaultLimit;
        if (effectiveLimit is < 1 or > MaxLimit)
        {
            validator.Add("limit", $"must be between 1 and {MaxLimit}.");
        }

        validator.ThrowIfInvalid();
        return new PageRequest(effectiveLimit, string.IsNullOrEmpty(cursor) ? null : Decode(cursor));
    }

    public static string Encode(string key) => Auth.Base64Url.Encode(Encoding.UTF8.GetBytes("c1:" + key));

    /// <summary>Builds the page; fetch <c>Limit + 1</c> items so the presence of a next page is known.</summary>
    public Page<TOut> ToPage<TIn, TOut>(IReadOnlyList<TIn> fetched, Func<TIn, string> key, Func<TIn, TOut> map)
    {
        var items = fetched.Take(Limit).Select(map).ToList();
        var next = fetched.Count > Limit ? Encode(key(fetched[Limit - 1])) : null;
        return new Page<TOut>(items, next);
    }

    private static string Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("c1:", StringComparison.Ordinal) && text.Length > 3)
            {
                return text[3..];
            }
        }
        catch (FormatException)
        {
        }

        throw CalendarException.Invalid(ErrorCodes.InvalidCursor, "The cursor is not valid; use the nextCursor of a previous page.");
    }
}
