using System.Diagnostics;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// Runs the pinned Redocly CLI from tools/openapi-lint, installing it with npm on first use so the test
/// command alone is enough on a fresh machine.
/// </summary>
internal static class OpenApiLinter
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<(int ExitCode, string Output)> LintAsync(string documentPath)
    {
        var toolDir = Path.Combine(RepositoryRoot.Path, "tools", "openapi-lint");
        var redocly = Path.Combine(toolDir, "node_modules", ".bin", "redocly");
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(redocly))
            {
                var (code, output) = await RunAsync("npm", "ci --no-audit --no-fund", toolDir);
                Assert.True(code == 0, "npm ci for the OpenAPI linter failed (Node.js and npm are required):\n" + output);
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return await RunAsync(redocly, $"lint \"{documentPath}\" --config \"{Path.Combine(toolDir, "redocly.yaml")}\" --format stylish", toolDir);
    }

    private static async Task<(int, string)> RunAsync(string file, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
