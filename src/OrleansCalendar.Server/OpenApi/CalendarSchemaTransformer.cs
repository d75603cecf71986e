using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansCalendar.Server.OpenApi;

/// <summary>
/// Makes schemas say what the JSON is, for every type of every route (and <see cref="RequiredMembers"/> after them):
/// <list type="bullet">
/// <item>times are <c>type: string, format: date-time</c> (the strict converter hides the type from the generator);</item>
/// <item>enums are strings, and a nullable use of an enum does not put <c>null</c> into the enum itself;</item>
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
