using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansCalendar.Server.OpenApi;

/// <summary>
/// Makes schemas say what the JSON is, for every type of every route (and <see cref="RequiredMembers"/> after them):
/// <list type="bullet">
/// <item>times are <c>type: string, format: date-time</c> (the strict converter hides the type from the generator);</item>
/// <item>enums are strings, and a nullable use of an enum does not put <c>null</c> into the enum itself; members with a
/// <see cref="System.ComponentModel.DescriptionAttribute"/> are described one by one (<see cref="EnumDescriptions"/>);</item>
/// <item>a polymorphic type whose derived types have no type discriminator has no discriminator;</item>
/// <item>a <see cref="WeekdayKeysAttribute"/> dictionary is an object with the seven weekdays as optional properties.</item>
/// </list>
/// </summary>
public sealed class CalendarSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var property = context.JsonPropertyInfo;

        if (underlying == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String | (underlying != type ? JsonSchemaType.Null : 0);
            schema.Format = "date-time";
        }
        else if (underlying.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = schema.Enum?.Where(v => v is not null).ToList();
            if (EnumDescriptions.Of(underlying) is { Count: > 0 } meanings)
            {
                EnumDescriptions.Apply(schema, schema.Description ?? "", meanings);
            }
        }

        if (context.JsonTypeInfo.PolymorphismOptions is { } polymorphism && polymorphism.DerivedTypes.All(d => d.TypeDiscriminator is null))
        {
            // Written as the derived type itself, with no "$type" member to tell them apart: a discriminator would be untrue.
            schema.Discriminator = null;
        }

        if (property?.AttributeProvider?.IsDefined(typeof(WeekdayKeysAttribute), inherit: false) == true && schema.AdditionalProperties is { } day)
        {
            schema.Properties = WeekdayKeysAttribute.Days.ToDictionary(d => d, _ => day, StringComparer.Ordinal);
            schema.AdditionalProperties = null;
            schema.AdditionalPropertiesAllowed = false;
        }

        return Task.CompletedTask;
    }
}
