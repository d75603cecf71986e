using System.Net;
using System.Text.Json.Nodes;
using OrleansCalendar.Abstractions.Calendars;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Server.OpenApi;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.OpenApi;

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

    [Fact]
    public async Task Every_error_code_is_listed_with_its_meaning()
    {
        var document = await GetDocumentAsync();
        var codes = document["components"]!["schemas"]!["ErrorCode"]!;
        var declared = typeof(ErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(declared, codes["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
        foreach (var code in declared)
        {
            var meaning = codes["x-enumDescriptions"]![code]?.GetValue<string>();
            Assert.True(meaning is not null && ErrorCodeMeanings.Of(code) == meaning, $"error code '{code}' has no meaning in the document (add it to ErrorCodeMeanings)");
            Assert.Contains($"`{code}`: {meaning}", codes["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var problem = document["components"]!["schemas"]!["ProblemDetails"]!;
        Assert.Equal(["status", "title", "code", "traceId"], problem["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("#/components/schemas/ErrorCode", problem["properties"]!["code"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(problem["properties"]!["errors"]);
    }

    [Fact]
    public async Task Availability_reason_codes_are_an_enum_with_a_meaning_for_each()
    {
        var codes = (await GetDocumentAsync())["components"]!["schemas"]!["AvailabilityReasonCode"]!;
        var described = EnumDescriptions.Of(typeof(AvailabilityReasonCode));

        Assert.Equal(Enum.GetValues<AvailabilityReasonCode>().Length, described.Count);
        Assert.Equal(
            ["outside-hours", "minimum-notice", "beyond-booking-window", "appointment", "appointment-buffer", "outlook-busy", "no-member-free", "member-busy", "off-grid"],
            codes["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
        foreach (var (code, meaning) in described)
        {
            Assert.Equal(meaning, codes["x-enumDescriptions"]![code]!.GetValue<string>());
            Assert.Contains($"`{code}`: {meaning}", codes["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var reason = (await GetDocumentAsync())["components"]!["schemas"]!["ReasonSource"]!;
        Assert.Null(reason["discriminator"]);
    }

    [Fact]
    public async Task Every_route_declares_what_the_pipeline_can_answer()
    {
        var document = await GetDocumentAsync();
        foreach (var (path, method, operation) in Operations(document).Where(o => o.Path.StartsWith("/v1/", StringComparison.Ordinal)))
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            var responses = operation["responses"]!;
            Assert.True(responses["503"]?["headers"]?["Retry-After"] is not null, $"{where} does not declare 503 with Retry-After");
            if (operation["security"] is not JsonArray { Count: 0 })
            {
                Assert.True(responses["401"] is not null, $"{where} does not declare 401");
            }

            if (path.StartsWith("/v1/public/", StringComparison.Ordinal))
            {
                Assert.True(responses["429"]?["headers"]?["Retry-After"]?["required"]?.GetValue<bool>() == true, $"{where} does not declare 429 with Retry-After");
            }

            if (operation["requestBody"] is not null)
            {
                Assert.True(responses["400"] is not null, $"{where} does not declare 400");
            }

            if (responses["201"] is { } created)
            {
                Assert.True(created["headers"]?["Location"] is not null, $"{where} does not declare Location on 201");
            }
        }

        var booking = document["paths"]!["/v1/subaccounts/{sid}/calendars/{cid}/appointments"]!["post"]!;
        Assert.Contains(booking["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["schema"]!["maxLength"]!.GetValue<int>() == 200);
        Assert.NotNull(booking["responses"]!["201"]!["headers"]!["Idempotent-Replayed"]);
    }

    [Fact]
    public async Task Schemas_give_every_value_its_type()
    {
        var document = await GetDocumentAsync();
        foreach (var (pointer, schema) in Schemas(document, "#"))
        {
            var types = schema["type"] is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : schema["type"] is { } t ? [t.GetValue<string>()] : [];
            if (schema["format"]?.GetValue<string>() is "date-time" or "date")
            {
                Assert.True(types.Contains("string"), $"{pointer} has format {schema["format"]} but is not typed string");
            }

            Assert.False(types.Contains("integer") && types.Contains("string"), $"{pointer} is 'integer | string'");
            if (schema["enum"] is JsonArray values)
            {
                Assert.True(types.Count > 0 && !values.Contains(null), $"{pointer} is an enum without a type, or with null in it");
            }
        }
    }

    [Fact]
    public async Task Requests_require_what_the_server_requires_and_patch_bodies_require_nothing()
    {
        var schemas = (await GetDocumentAsync())["components"]!["schemas"]!;
        Assert.Equal(["start", "contact"], Required(schemas["CreateAppointmentRequest"]!));
        Assert.Equal("#/components/schemas/ContactRequest", schemas["CreateAppointmentRequest"]!["properties"]!["contact"]!["$ref"]!.GetValue<string>());
        Assert.Equal("string", schemas["CreateAppointmentRequest"]!["properties"]!["start"]!["type"]!.GetValue<string>());
        Assert.Equal(["name"], Required(schemas["ContactRequest"]!));
        Assert.Equal(["name", "type"], Required(schemas["CreateCalendarRequest"]!));
        Assert.Empty(Required(schemas["UpdateCalendarRequest"]!));
        Assert.Empty(Required(schemas["UpdateAppointmentRequest"]!));
        var week = schemas["CalendarResponse"]!["properties"]!["weeklyHours"]!;
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], week["properties"]!.AsObject().Select(p => p.Key));
        Assert.False(week["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Examples_match_their_schemas()
    {
        var contract = await fixture.App.GetContractAsync();
        var document = await GetDocumentAsync();
        var examples = Operations(document)
            .SelectMany(o => new[] { o.Operation["requestBody"] }.Concat(o.Operation["responses"]!.AsObject().Select(r => r.Value))
                .SelectMany(part => part?["content"]?.AsObject() ?? [])
                .Where(media => media.Value!["example"] is not null)
                .Select(media => (Where: $"{o.Method.ToUpperInvariant()} {o.Path} {media.Key}", Media: media.Value!)))
            .ToList();

        Assert.True(examples.Count >= 10, $"only {examples.Count} examples");
        foreach (var (where, media) in examples)
        {
            var violations = contract.Validate(media["schema"]!, media["example"]).ToList();
            Assert.True(violations.Count == 0, $"example of {where}: " + string.Join("; ", violations));
        }
    }

    [Fact]
    public async Task The_validator_reports_answers_and_accepted_requests_the_document_does_not_allow()
    {
        var contract = await fixture.App.GetContractAsync();
        const string Problem = "application/problem+json";
        const string Slots = """{"calendarId": "cal_a", "timeZone": "Europe/Berlin", "days": []}""";
        var cases = new (HttpMethod Method, string Url, string? Body, int Status, string ContentType, string Answer, string Expected)[]
        {
            (HttpMethod.Get, "/v1/subaccounts/sa_a", null, 404, Problem, """{"status": 404, "title": "Not found."}""", "traceId"),
            (HttpMethod.Get, "/v1/subaccounts/sa_a", null, 418, Problem, """{"status": 418, "title": "x", "code": "not-found", "traceId": "t"}""", "status 418 is not declared"),
            (HttpMethod.Get, "/v1/subaccounts/sa_a", null, 200, "application/json", """{"id": "sa_a", "name": "A", "timeZone": "UTC", "createdAt": "2026-12-01T09:00:00"}""", "date-time"),
            (HttpMethod.Get, "/v1/subaccounts/sa_a/calendars/cal_a/free-slots?start=2026-12-01&end=2026-12-01&colour=red", null, 200, "application/json", Slots, "query parameter 'colour'"),
            (HttpMethod.Get, "/v1/subaccounts/sa_a/calendars/cal_a/free-slots?start=2026-12-01", null, 200, "application/json", Slots, "required parameter 'end'"),
            (HttpMethod.Patch, "/v1/subaccounts/sa_a/calendars/cal_a", """{"slotDurationMinutes": "30"}""", 200, "application/json", "{}", "request body"),
            (HttpMethod.Get, "/v1/public/calendars/cal_a", null, 429, Problem, """{"status": 429, "title": "x", "code": "rate-limited", "traceId": "t"}""", "misses required header 'Retry-After'"),
            (HttpMethod.Get, "/v1/elsewhere", null, 200, "application/json", "{}", "no operation in the document"),
        };

        foreach (var c in cases)
        {
            var traffic = new OpenApiTraffic(contract);
            var answer = new HttpResponseMessage((HttpStatusCode)c.Status) { Content = new StringContent(c.Answer, System.Text.Encoding.UTF8, c.ContentType) };
            using var client = new HttpClient(new OpenApiValidatingHandler(traffic) { InnerHandler = new Answering(answer) }) { BaseAddress = new Uri("http://localhost") };
            client.DefaultRequestHeaders.Authorization = new("Bearer", "key");
            using var request = new HttpRequestMessage(c.Method, c.Url);
            if (c.Body is not null)
            {
                request.Content = new StringContent(c.Body, System.Text.Encoding.UTF8, "application/json");
            }

            await client.SendAsync(request);
            Assert.True(traffic.Violations.Any(v => v.Contains(c.Expected, StringComparison.Ordinal)),
                $"{c.Method} {c.Url} → {c.Status}: expected a violation about '{c.Expected}', got: {string.Join(" | ", traffic.Violations)}");
        }
    }

    private static List<string> Required(JsonNode schema) => schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];

    private static IEnumerable<(string Pointer, JsonObject Schema)> Schemas(JsonNode node, string pointer)
    {
        if (node is JsonObject o)
        {
            // A schema, not a "properties" map that happens to have a member named "type".
            if ((o.ContainsKey("type") || o.ContainsKey("format") || o.ContainsKey("enum")) && o["type"] is not JsonObject && o["format"] is not JsonObject)
            {
                yield return (pointer, o);
            }

            foreach (var (key, child) in o.Where(p => p.Key is not "example" and not "examples"))
            {
                foreach (var found in child is null ? [] : Schemas(child, $"{pointer}/{key}"))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                foreach (var found in a[i] is null ? [] : Schemas(a[i]!, $"{pointer}/{i}"))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>Answers every request with one fixed response: the server side of the validator's own test.</summary>
    private sealed class Answering(HttpResponseMessage answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            answer.RequestMessage = request;
            return Task.FromResult(answer);
        }
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
