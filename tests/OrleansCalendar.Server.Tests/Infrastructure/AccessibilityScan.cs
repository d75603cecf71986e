using System.Text.Json;
using Microsoft.Playwright;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// Scans a page with axe-core (pinned in tools/a11y). The script is served to the page from its own origin through a
/// Playwright route, so the pages' content security policy stays as strict in tests as in production.
/// </summary>
public static class AccessibilityScan
{
    private const string ScriptPath = "/__tests/axe.min.js";
    private static readonly NpmTool Tool = new("a11y", Path.Combine("node_modules", "axe-core", "axe.min.js"));
    private static readonly Lazy<Task<string>> Script = new(async () => await File.ReadAllTextAsync(await Tool.InstalledAsync()));

    /// <summary>Fails with every serious or critical violation axe finds on the page as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var source = await Script.Value;
        await page.RouteAsync("**" + ScriptPath, route => route.FulfillAsync(new RouteFulfillOptions { Body = source, ContentType = "text/javascript" }));
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = ScriptPath });
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary.replaceAll('\n', ' ')).join('\n    ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe found {found.Count} serious or critical violation(s) on {what}:\n" + string.Join("\n", found));
    }
}
