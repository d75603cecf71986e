namespace OrleansCalendar.LoadTest;

internal sealed record LoadResult(string Name, string Path, int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms);
