namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>Runs the pinned Redocly CLI from tools/openapi-lint.</summary>
internal static class OpenApiLinter
{
    private static readonly NpmTool Tool = new("openapi-lint", Path.Combine("node_modules", ".bin", "redocly"));

    public static async Task<(int ExitCode, string Output)> LintAsync(string documentPath)
    {
        var redocly = await Tool.InstalledAsync();
        return await Tool.RunAsync(redocly, $"lint \"{documentPath}\" --config \"{Path.Combine(Tool.Directory, "redocly.yaml")}\" --format stylish",
            new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });
    }
}
