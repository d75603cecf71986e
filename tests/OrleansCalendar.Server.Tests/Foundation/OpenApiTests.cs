using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Foundation;

public sealed class OpenApiTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_api_operation_is_documented_with_a_summary_an_id_and_its_errors()
    {
        var document = await GetDocumentAsync();
        var operations = Operations(document).Where(o => o.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(operations);

        foreach (var (path, method, operation) in operations)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{where} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()), $"{where} has no operationId");
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            Assert.Contains(responses, r => r.Key.StartsWith('4'));
            foreach (var error in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.True(error.Value!["content"]?["application/problem+json"] is not null, $"{where} {error.Key} is not problem+json");
            }
        }
    }

    [Fact]
    public async Task Document_declares_bearer_auth_and_marks_anonymous_routes()
    {
        var document = await GetDocumentAsync();
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["apiKey"]!["scheme"]!.GetValue<string>());
        var live = document["paths"]!["/health/live"]!["get"]!;
        Assert.Empty(live["security"]!.AsArray());
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        using var response = await fixture.App.CreateClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/openapi/v1.json", await (await fixture.App.CreateClient().GetAsync("/swagger/index.js")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_passes_redocly_lint_without_errors()
    {
        using var response = await fixture.App.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        var path = Path.Combine(TempDirectory.Create("oc-openapi"), "openapi.json");
        await File.WriteAllTextAsync(path, await response.Content.ReadAsStringAsync());

        var (exitCode, output) = await OpenApiLinter.LintAsync(path);

        Assert.True(exitCode == 0, "redocly lint reported errors:\n" + output);
    }

    private async Task<JsonNode> GetDocumentAsync()
    {
        var (status, body) = await fixture.App.CreateClient().GetJsonAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is { } operation)
                {
                    yield return (path, method, operation);
                }
            }
        }
    }
}
