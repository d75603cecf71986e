using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;

namespace OrleansCalendar.Server.OpenApi;

/// <summary>
/// A request property marked <see cref="RequiredAttribute"/> is required and never null in the document. It is
/// nullable in C# only so that a missing value reaches validation and becomes a field error (400
/// <c>validation-failed</c> naming the field) instead of a parse error. Runs over the finished components, because
/// the generator wraps a nullable reference in <c>oneOf: [null, $ref]</c> after schema transformers have run.
/// </summary>
public static class RequiredMembers
{
    public static void Apply(OpenApiDocument document, Assembly assembly)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return;
        }

        foreach (var type in assembly.GetTypes())
        {
            if (!schemas.TryGetValue(type.Name, out var component) || component is not OpenApiSchema { Properties: { } properties })
            {
                continue;
            }

            foreach (var member in type.GetProperties().Where(p => p.IsDefined(typeof(RequiredAttribute), inherit: false)))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
                if (properties.TryGetValue(name, out var property))
                {
                    properties[name] = NotNull(property);
                }
            }
        }
    }

    private static IOpenApiSchema NotNull(IOpenApiSchema property)
    {
        if (property is not OpenApiSchema schema)
        {
            return property;
        }

        if (schema.OneOf?.Where(s => s is not OpenApiSchema { Type: JsonSchemaType.Null }).ToList() is { Count: 1 } single)
        {
            return single[0];
        }

        if (schema.Type is { } t)
        {
            schema.Type = t & ~JsonSchemaType.Null;
        }

        return schema;
    }
}
