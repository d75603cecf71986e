using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OrleansCalendar.Server.Http;

/// <summary>
/// A 200 with a JSON body that is serialized once per instance: grains hand out the same immutable answer object
/// for as long as it is current (free slots from a calendar's answer cache), so its bytes are kept beside it and
/// written again as they are. Documented in OpenAPI exactly like <c>Ok&lt;T&gt;</c>.
/// </summary>
public sealed class CachedJson<T>(T value) : IResult, IEndpointMetadataProvider
    where T : class
{
    private static readonly ConditionalWeakTable<T, byte[]> Serialized = [];

    public T Value => value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = Serialized.GetValue(value, v => JsonSerializer.SerializeToUtf8Bytes(v,
            httpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions));
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = bytes.Length;
        return httpContext.Response.Body.WriteAsync(bytes).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
