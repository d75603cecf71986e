using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace OrleansCalendar.Server.Tests.Infrastructure.OpenApi;

/// <summary>
/// The service's OpenAPI document as a checker of real exchanges: which operation a request is, whether the
/// request is one the document allows, and whether the answer is one it declares (status, media type, body schema,
/// headers). Schemas are evaluated by JsonSchema.Net as JSON Schema 2020-12, the dialect of OpenAPI 3.1, with
/// formats (date-time, date, uri) enforced.
/// </summary>
internal sealed partial class OpenApiContract
{
    private static readonly Uri ComponentsBase = new("https://orleanscalendar.test/components/");
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly JsonNode _document;

    public OpenApiContract(JsonNode document)
    {
        _document = document;
        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            var node = Absolute(schema!.DeepClone());
            node["$id"] = new Uri(ComponentsBase, name).ToString();
            _options.SchemaRegistry.Register(JsonSchema.FromText(node.ToJsonString()));
        }

        Operations = document["paths"]!.AsObject()
            .SelectMany(p => Methods.Where(m => p.Value![m] is not null).Select(m => new ContractOperation(m.ToUpperInvariant(), p.Key, p.Value![m]!.AsObject(), Template(p.Key))))
            .OrderBy(o => o.Path.Count(c => c == '{'))
            .ToList();
    }

    public IReadOnlyList<ContractOperation> Operations { get; }

    public ContractOperation? Find(string method, string path) =>
        Operations.FirstOrDefault(o => o.Method == method && o.Pattern.IsMatch(path));

    /// <summary>Every way <paramref name="exchange"/> departs from the document; the request only when the server accepted it.</summary>
    public IEnumerable<string> Check(ContractOperation operation, Exchange exchange)
    {
        var where = $"{exchange.Method} {exchange.Path} → {exchange.Status}";
        var violations = new List<string>();
        if (exchange.Status < 400)
        {
            violations.AddRange(CheckRequest(operation, exchange).Select(v => $"{where}: request {v}"));
        }

        violations.AddRange(CheckResponse(operation, exchange).Select(v => $"{where}: response {v}"));
        return violations;
    }

    /// <summary>Violations of <paramref name="instance"/> against a schema of the document (a <c>$ref</c> or an inline schema).</summary>
    public IEnumerable<string> Validate(JsonNode schema, JsonNode? instance)
    {
        var result = JsonSchema.FromText(Absolute(schema.DeepClone()).ToJsonString()).Evaluate(instance, _options);
        return result.IsValid
            ? []
            : result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}")).DefaultIfEmpty("is invalid");
    }

    private IEnumerable<string> CheckRequest(ContractOperation operation, Exchange exchange)
    {
        var parameters = (operation.Node["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).ToList();
        var query = exchange.Query;
        foreach (var name in query.Keys.Where(k => !parameters.Any(p => (string?)p["in"] == "query" && (string?)p["name"] == k)))
        {
            yield return $"query parameter '{name}' is not declared";
        }

        foreach (var parameter in parameters)
        {
            var name = (string)parameter["name"]!;
            var value = (string?)parameter["in"] switch
            {
                "query" => query.GetValueOrDefault(name),
                "header" => exchange.RequestHeaders.GetValueOrDefault(name),
                "path" => operation.Pattern.Match(exchange.Path).Groups[name].Value,
                _ => null,
            };
            if (value is null)
            {
                if (parameter["required"]?.GetValue<bool>() == true)
                {
                    yield return $"misses required parameter '{name}'";
                }

                continue;
            }

            foreach (var v in Validate(parameter["schema"]!, Typed(value, parameter["schema"]!)))
            {
                yield return $"parameter '{name}' = '{value}' {v}";
            }
        }

        if (Secured(operation) && !exchange.RequestHeaders.ContainsKey("Authorization"))
        {
            yield return "was accepted without the API key the document requires";
        }

        var body = operation.Node["requestBody"];
        if (body is null)
        {
            if (!string.IsNullOrEmpty(exchange.RequestBody))
            {
                yield return "has a body the operation does not declare";
            }

            yield break;
        }

        if (string.IsNullOrEmpty(exchange.RequestBody))
        {
            if (body["required"]?.GetValue<bool>() == true)
            {
                yield return "misses its required body";
            }

            yield break;
        }

        foreach (var v in CheckContent(body["content"], exchange.RequestContentType, exchange.RequestBody))
        {
            yield return "body " + v;
        }
    }

    private IEnumerable<string> CheckResponse(ContractOperation operation, Exchange exchange)
    {
        var responses = operation.Node["responses"]!.AsObject();
        var status = exchange.Status.ToString(CultureInfo.InvariantCulture);
        var response = responses[status] ?? responses[$"{status[0]}XX"] ?? responses["default"];
        if (response is null)
        {
            yield return $"status {status} is not declared (declared: {string.Join(", ", responses.Select(r => r.Key))})";
            yield break;
        }

        foreach (var (name, header) in response["headers"]?.AsObject() ?? [])
        {
            var value = exchange.ResponseHeaders.GetValueOrDefault(name);
            if (value is null)
            {
                if (header!["required"]?.GetValue<bool>() == true)
                {
                    yield return $"misses required header '{name}'";
                }

                continue;
            }

            foreach (var v in Validate(header!["schema"]!, Typed(value, header["schema"]!)))
            {
                yield return $"header '{name}: {value}' {v}";
            }
        }

        var content = response["content"];
        if (string.IsNullOrEmpty(exchange.ResponseBody))
        {
            if (content is not null && exchange.Status != 204)
            {
                yield return "has no body, but the document declares one";
            }

            yield break;
        }

        foreach (var v in CheckContent(content, exchange.ResponseContentType, exchange.ResponseBody))
        {
            yield return "body " + v;
        }
    }

    private IEnumerable<string> CheckContent(JsonNode? content, string? contentType, string body)
    {
        var mediaType = content?[contentType ?? ""];
        if (mediaType is null)
        {
            yield return $"of type '{contentType}' is not declared (declared: {string.Join(", ", content?.AsObject().Select(c => c.Key) ?? [])})";
            yield break;
        }

        if (mediaType["schema"] is not { } schema)
        {
            yield break;
        }

        JsonNode? instance;
        string? error = null;
        try
        {
            instance = contentType!.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(body) : JsonValue.Create(body);
        }
        catch (System.Text.Json.JsonException e)
        {
            instance = null;
            error = "is not JSON: " + e.Message;
        }

        if (error is not null)
        {
            yield return error;
            yield break;
        }

        foreach (var v in Validate(schema, instance))
        {
            yield return v;
        }
    }

    private bool Secured(ContractOperation operation) =>
        (operation.Node["security"] ?? _document["security"])?.AsArray().Count > 0;

    /// <summary>A parameter or header value as the JSON its schema speaks of: numbers and booleans are not strings.</summary>
    private static JsonValue Typed(string value, JsonNode schema)
    {
        var types = schema["type"] is JsonArray array ? array.Select(t => (string)t!).ToList() : [(string?)schema["type"] ?? "string"];
        if (types.Contains("integer") && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        if (types.Contains("boolean") && bool.TryParse(value, out var flag))
        {
            return JsonValue.Create(flag);
        }

        return JsonValue.Create(value);
    }

    /// <summary>Points the document's <c>#/components/schemas/X</c> references at the registered component schemas.</summary>
    private static JsonNode Absolute(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var reference) && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        o["$ref"] = new Uri(ComponentsBase, reference["#/components/schemas/".Length..]).ToString();
                    }
                    else if (value is not null)
                    {
                        Absolute(value);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Absolute(item);
                    }
                }

                break;
        }

        return node;
    }

    private static Regex Template(string path) =>
        new("^" + ParameterPattern().Replace(Regex.Escape(path).Replace("\\{", "{", StringComparison.Ordinal), "(?<$1>[^/]+)").TrimEnd('/') + "/?$", RegexOptions.CultureInvariant);

    [GeneratedRegex("\\{([A-Za-z0-9_]+)}")]
    private static partial Regex ParameterPattern();
}
