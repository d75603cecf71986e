using System.Globalization;

namespace OrleansCalendar.Server.Hosting;

/// <summary>
/// <c>OrleansCalendar.Server healthcheck</c>: asks this host's own <c>/health/ready</c> and exits 0 when it
/// answers 200, 1 otherwise. For container health checks in images that ship no HTTP client.
/// </summary>
public static class HealthCheckCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "healthcheck";

    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        var url = new Uri(LocalUrl(configuration), "/health/ready");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{url}: {(int)response.StatusCode}"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The first address the server listens on, as this machine reaches it.</summary>
    public static Uri LocalUrl(IConfiguration configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            var builder = new UriBuilder(first.Replace("://+", "://localhost").Replace("://*", "://localhost"));
            if (builder.Host is "0.0.0.0" or "[::]")
            {
                builder.Host = "localhost";
            }

            return builder.Uri;
        }

        if (configuration["http_ports"] is { Length: > 0 } ports)
        {
            return new Uri($"http://localhost:{ports.Split([';', ','])[0].Trim()}");
        }

        return new Uri(ServerOptions.DefaultUrl);
    }
}
