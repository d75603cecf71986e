using System.Diagnostics;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// A pinned npm package under tools/ (its package.json and lock file), installed with <c>npm ci</c> on first use so
/// the test command alone is enough on a fresh machine.
/// </summary>
internal sealed class NpmTool(string name, string installedFile)
{
    private readonly SemaphoreSlim _installLock = new(1, 1);

    public string Directory { get; } = Path.Combine(RepositoryRoot.Path, "tools", name);

    /// <summary>The path of <c>installedFile</c> (relative to the tool's folder), installing the tool if it is missing.</summary>
    public async Task<string> InstalledAsync()
    {
        var path = Path.Combine(Directory, installedFile);
        await _installLock.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                var (code, output) = await RunAsync("npm", "ci --no-audit --no-fund");
                Assert.True(code == 0, $"npm ci in tools/{name} failed (Node.js and npm are required):\n" + output);
            }
        }
        finally
        {
            _installLock.Release();
        }

        return path;
    }

    public async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
