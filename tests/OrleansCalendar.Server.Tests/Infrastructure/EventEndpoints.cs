using System.Net;
using System.Text.Json.Nodes;

namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>Webhook endpoints of a sub-account, through the API.</summary>
public static class EventEndpoints
{
    /// <summary>Creates an endpoint; returns its id and signing secret.</summary>
    public static async Task<(string Id, string Secret)> CreateAsync(HttpClient client, string subAccountId, string url, params string[] eventTypes)
    {
        var (status, body) = await client.PostJsonAsync($"/v1/subaccounts/{subAccountId}/webhook-endpoints", new { url, eventTypes, description = "test receiver" });
        Assert.True(status == HttpStatusCode.Created, $"endpoint not created: {(int)status} {body?.ToJsonString()}");
        return (body!["id"]!.GetValue<string>(), body["secret"]!.GetValue<string>());
    }

    /// <summary>Every delivery of an endpoint (all pages), newest first.</summary>
    public static async Task<List<JsonNode>> DeliveriesAsync(HttpClient client, string subAccountId, string endpointId, string? status = null)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var url = $"/v1/subaccounts/{subAccountId}/webhook-endpoints/{endpointId}/deliveries?limit=2"
                + (status is null ? "" : $"&status={status}") + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var (code, page) = await client.GetJsonAsync(url);
            Assert.True(code == HttpStatusCode.OK, $"deliveries answered {(int)code}: {page?.ToJsonString()}");
            all.AddRange(page!["items"]!.AsArray().Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return all;
    }
}
