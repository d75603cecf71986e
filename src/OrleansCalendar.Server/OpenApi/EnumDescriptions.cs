using System.ComponentModel;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;

namespace OrleansCalendar.Server.OpenApi;

/// <summary>
/// What each value of an enum means, in the document: a list in the schema's description for people, and
/// <c>x-enumDescriptions</c> (value → meaning) for generators and UIs.
/// </summary>
public static class EnumDescriptions
{
    public static void Apply(OpenApiSchema schema, string lead, IEnumerable<(string Value, string Meaning)> values)
    {
        var description = new StringBuilder(lead).Append("\n\n");
        var meanings = new JsonObject();
        foreach (var (value, meaning) in values)
        {
            description.Append("- `").Append(value).Append("`: ").Append(meaning).Append('\n');
            meanings[value] = meaning;
        }

        schema.Description = description.ToString().TrimEnd();
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        schema.Extensions["x-enumDescriptions"] = new JsonNodeExtension(meanings);
    }

    /// <summary>
    /// The <see cref="DescriptionAttribute"/> of each member of <paramref name="enumType"/> under its JSON name, in
    /// declaration order; empty when its members carry none.
    /// </summary>
    public static IReadOnlyList<(string Value, string Meaning)> Of(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsDefined(typeof(DescriptionAttribute), inherit: false))
            .Select(f => (
                f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(f.Name),
                f.GetCustomAttribute<DescriptionAttribute>()!.Description))
            .ToList();
}
