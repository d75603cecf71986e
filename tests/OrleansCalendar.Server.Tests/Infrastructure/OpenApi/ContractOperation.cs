using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrleansCalendar.Server.Tests.Infrastructure.OpenApi;

/// <summary>One operation of the document: its method, path template and definition.</summary>
internal sealed record ContractOperation(string Method, string Path, JsonObject Node, Regex Pattern)
{
    public string Name => $"{Method} {Path}";
}
