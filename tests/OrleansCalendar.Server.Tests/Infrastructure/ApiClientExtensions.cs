using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>Thin helpers for calling the API the way a client would: JSON in, JSON out.</summary>
public static class ApiClientExtensions
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendJsonAsync(request);
    }

    /// <summary>Sends a request built by the caller (with its own headers) and reads the JSON answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendJsonAsync(this HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body)> GetJsonAsync(this HttpClient client, string url) =>
        client.SendJsonAsync(HttpMethod.Get, url);

    public static Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(this HttpClient client, string url, object? body) =>
        client.SendJsonAsync(HttpMethod.Post, url, body);

    /// <summary>Creates a sub-account with the admin client and returns (id, apiKey).</summary>
    public static async Task<(string Id, string ApiKey)> CreateSubAccountAsync(this HttpClient admin, string name = "Acme Dental", string timeZone = "America/New_York")
    {
        var (status, body) = await admin.PostJsonAsync("/v1/subaccounts", new { name, timeZone });
        Assert.Equal(HttpStatusCode.Created, status);
        return (body!["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
    }

    public static async Task<string> CreateUserAsync(this HttpClient client, string subAccountId, string name, string email, string? timeZone = null)
    {
        var (status, body) = await client.PostJsonAsync($"/v1/subaccounts/{subAccountId}/users", new { name, email, timeZone });
        Assert.True(status == HttpStatusCode.Created, $"Expected 201, got {(int)status}: {body?.ToJsonString()}");
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>Asserts a problem+json response with the given status and code.</summary>
    public static void AssertProblem(this (HttpStatusCode Status, JsonNode? Body) response, HttpStatusCode status, string code)
    {
        Assert.True(response.Status == status, $"Expected {(int)status}, got {(int)response.Status}: {response.Body?.ToJsonString()}");
        Assert.NotNull(response.Body);
        Assert.Equal(code, response.Body!["code"]?.GetValue<string>());
        Assert.Equal((int)status, response.Body["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(response.Body["title"]?.GetValue<string>()));
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
