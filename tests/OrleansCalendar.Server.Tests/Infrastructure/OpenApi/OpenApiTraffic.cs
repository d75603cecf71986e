using System.Collections.Concurrent;

namespace OrleansCalendar.Server.Tests.Infrastructure.OpenApi;

/// <summary>What the validating clients saw: the answers per operation and every departure from the document.</summary>
internal sealed class OpenApiTraffic(OpenApiContract contract)
{
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<int>> _answers = new(StringComparer.Ordinal);

    public OpenApiContract Contract { get; } = contract;

    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>Operation name ("GET /v1/...") to the statuses it answered.</summary>
    public IReadOnlyDictionary<string, ConcurrentBag<int>> Answers => _answers;

    public void Record(Exchange exchange)
    {
        var operation = Contract.Find(exchange.Method, exchange.Path);
        if (operation is null)
        {
            // Unknown routes are 404 problems the document cannot list; anything else is an undocumented route.
            if (exchange.Status != 404)
            {
                _violations.Enqueue($"{exchange.Method} {exchange.Path} → {exchange.Status}: no operation in the document");
            }

            return;
        }

        _answers.GetOrAdd(operation.Name, _ => []).Add(exchange.Status);
        foreach (var violation in Contract.Check(operation, exchange))
        {
            _violations.Enqueue(violation);
        }
    }

    public void AssertNoViolations() =>
        Assert.True(_violations.IsEmpty, $"{_violations.Count} OpenAPI violation(s):\n" + string.Join("\n", _violations));
}
