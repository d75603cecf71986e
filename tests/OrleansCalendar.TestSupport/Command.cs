using System.Diagnostics;

namespace OrleansCalendar.TestSupport;

/// <summary>Runs a command-line tool to its end and keeps what it printed.</summary>
public static class Command
{
    /// <summary>
    /// Runs the tool; returns its exit code and its standard output followed by its standard error. A null value in
    /// <paramref name="environment"/> removes that variable from what the tool inherits.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> ExecuteAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs the tool and fails with what it printed unless it exits 0; returns its output.</summary>
    public static async Task<string> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var list = arguments.ToList();
        var (exitCode, output) = await ExecuteAsync(fileName, list, workingDirectory, environment);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"'{fileName} {string.Join(' ', list)}' exited with {exitCode}:\n{output}");
    }
}
