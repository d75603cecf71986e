using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>
/// The release a rolling upgrade starts from, named by <c>deploy/upgrade-baseline.txt</c>: checked out into a
/// temporary git worktree and built there (Release), once per commit. The build is kept next to the test binaries,
/// so later runs start at once.
/// </summary>
public static class UpgradeBaseline
{
    private const string BaselineFile = "deploy/upgrade-baseline.txt";

    /// <summary>The full hash of the baseline commit.</summary>
    public static string Commit { get; } = File.ReadLines(Path.Combine(RepositoryRoot.Path, BaselineFile))
        .Select(line => line.Trim())
        .Single(line => line.Length > 0 && !line.StartsWith('#'));

    /// <summary>Why the baseline cannot be built here (a shallow clone lacks its history), or null when it can.</summary>
    public static async Task<string?> UnavailableReasonAsync()
    {
        if ((await GitAsync("cat-file", "-t", Commit)).ExitCode == 0)
        {
            return null;
        }

        if ((await GitAsync("rev-parse", "--is-shallow-repository")).Output.Trim() == "true")
        {
            return $"the baseline commit {Commit} of {BaselineFile} is not in this shallow clone; fetch the full history to run the rolling-upgrade test";
        }

        throw new InvalidOperationException(
            $"The baseline commit {Commit} named in {BaselineFile} is not in this repository. It must name a released commit of this history.");
    }

    /// <summary>The baseline's server assembly, built now unless an earlier run left it.</summary>
    public static async Task<string> BuildAsync()
    {
        var output = Path.Combine(AppContext.BaseDirectory, "upgrade-baseline", Commit);
        var assembly = Path.Combine(output, "OrleansCalendar.Server.dll");
        if (File.Exists(assembly))
        {
            return assembly;
        }

        var worktree = Path.Combine(Path.GetTempPath(), $"oc-baseline-{Guid.NewGuid():N}");
        await Command.RunAsync("git", ["-C", RepositoryRoot.Path, "worktree", "add", "--detach", worktree, Commit], RepositoryRoot.Path);
        try
        {
            // A clean environment for MSBuild: the test host's own MSBuild variables would point it at this run's SDK
            // state; no build servers either, so nothing outlives the build.
            var environment = System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
                .Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(key => key, _ => (string?)null);
            await Command.RunAsync("dotnet",
                ["build", "src/OrleansCalendar.Server", "-c", "Release", "--disable-build-servers", "-nodeReuse:false", "-v", "quiet"],
                worktree, environment);

            // Moved into place whole, so an interrupted copy is never taken for a build.
            var staging = $"{output}.partial-{Guid.NewGuid():N}";
            CopyDirectory(ServerProcess.BuiltAssembly(worktree, "Release"), staging);
            Directory.Move(staging, output);
            return assembly;
        }
        finally
        {
            await GitAsync("worktree", "remove", "--force", worktree);
            if (Directory.Exists(worktree))
            {
                Directory.Delete(worktree, recursive: true);
                await GitAsync("worktree", "prune");
            }
        }
    }

    private static Task<(int ExitCode, string Output)> GitAsync(params string[] arguments) =>
        Command.ExecuteAsync("git", ["-C", RepositoryRoot.Path, .. arguments], RepositoryRoot.Path);

    private static void CopyDirectory(string assembly, string target)
    {
        var source = Path.GetDirectoryName(assembly)!;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
