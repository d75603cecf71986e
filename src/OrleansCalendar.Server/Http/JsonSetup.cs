using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansCalendar.Server.Http;

public static class JsonSetup
{
    /// <summary>
    /// camelCase JSON, strict about what it accepts: unknown fields, offset-less times and numbers in strings are
    /// 400s instead of being silently ignored or guessed.
    /// </summary>
    public static IServiceCollection AddCalendarJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

        // Minimal APIs answer a bad body with an empty 400 unless told to throw; we want problem+json.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;

        // The web defaults also read numbers from strings, which makes every integer "integer | string" in the
        // OpenAPI document; a number is a JSON number.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new StrictDateTimeOffsetConverter());
    }
}
