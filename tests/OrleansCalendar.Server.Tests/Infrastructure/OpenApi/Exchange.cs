namespace OrleansCalendar.Server.Tests.Infrastructure.OpenApi;

/// <summary>One request and its answer, as they crossed the wire.</summary>
internal sealed record Exchange(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string? RequestContentType,
    string? RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string? ResponseContentType,
    string? ResponseBody);
