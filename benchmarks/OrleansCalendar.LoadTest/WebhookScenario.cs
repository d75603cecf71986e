using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrleansCalendar.GraphEmulator;

namespace OrleansCalendar.LoadTest;

/// <summary>
/// Webhook figures against the Graph emulator (loopback): notification ingestion throughput as a ratio to
/// <c>/health/live</c> measured in the same run with the same generator, acknowledgement latency under that load,
/// and Outlook change → free slots latency when Graph notifies (polling is five minutes away).
/// </summary>
internal static class WebhookScenario
{
    private const int Changes = 20;

    public static async Task<string> RunAsync(string root, LoadOptions options)
    {
        await using var emulator = await GraphEmulatorServer.StartAsync(new GraphEmulatorOptions());
        await using var server = await BenchmarkServer.StartAsync(root, ChangeLatency.ServerSettings(emulator, pollSeconds: 300), publicBaseUrl: true);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var admin = new HttpClient(handler) { BaseAddress = server.BaseUrl };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", BenchmarkServer.AdminKey);

        var mailbox = emulator.Control.AddMailbox($"bench-{Guid.NewGuid():N}@contoso.test", "Bench Mark");
        var work = emulator.Control.AddCalendar(mailbox.Email, "Work");
        var (connection, freeSlots) = await SyncScenario.ConnectAsync(admin, emulator, mailbox, work.Id);
        await WaitForActiveWebhooksAsync(admin, connection);
        var subscription = emulator.Control.ListSubscriptions(mailbox.Email).Single(s => s.CalendarId == work.Id);

        // Change to visible first, on a quiet server.
        var latencies = await ChangeLatency.MeasureAsync(admin, emulator, mailbox, work.Id, freeSlots, Changes, TimeSpan.FromSeconds(1));

        // Ingestion: genuine notifications (the subscription's id and secret), as Graph posts them.
        var body = new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["subscriptionId"] = subscription.Id,
                ["clientState"] = subscription.ClientState,
                ["changeType"] = "updated",
                ["resource"] = $"Users/{mailbox.Id}/Events/bench",
                ["resourceData"] = new JsonObject { ["id"] = "bench" },
                ["tenantId"] = emulator.Control.Options.TenantId,
            }),
        }.ToJsonString();
        var baseline = await LoadGenerator.RunAsync(admin, "GET /health/live (baseline)", "/health/live", options);
        var ingestion = await LoadGenerator.RunAsync(admin, "POST /v1/webhooks/outlook (one genuine notification per request)", "/v1/webhooks/outlook",
            () => new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/outlook") { Content = new StringContent(body, Encoding.UTF8, "application/json") },
            options);

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Graph change notifications against the Graph emulator on loopback; {options.Concurrency} concurrent clients, {options.Duration.TotalSeconds:0} s per load scenario after {options.Warmup.TotalSeconds:0} s warm-up; polling every 300 s (an hour while webhooks are healthy); {Environment.ProcessorCount} cores shared by server, emulator and load generator; {DateTime.UtcNow:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine(LoadResult.TableHeader);
        foreach (var r in new[] { baseline, ingestion })
        {
            report.AppendLine(r.Row(baseline));
        }

        report
            .AppendLine()
            .AppendLine("| figure | value | against |")
            .AppendLine("|---|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| notification acknowledgement p99 under load | {ingestion.P99Ms:0.0} ms | {ingestion.P99Ms / 3000:0.000} × Graph's 3 s limit |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Outlook change → free slots via webhooks, p50 ({Changes} changes) | {ChangeLatency.Ms(ChangeLatency.Percentile(latencies, 0.5))} ms | {ChangeLatency.Percentile(latencies, 0.5) / 2000:0.00} × the 2 s target |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Outlook change → free slots via webhooks, p95 | {ChangeLatency.Ms(ChangeLatency.Percentile(latencies, 0.95))} ms | {ChangeLatency.Percentile(latencies, 0.95) / 2000:0.00} × the 2 s target |");
        return report.ToString();
    }

    private static async Task WaitForActiveWebhooksAsync(HttpClient admin, string connection)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await admin.GetFromJsonAsync<JsonNode>(connection))!["webhooks"]!.GetValue<string>() != "active")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The connection's webhooks did not become active within 30 s.");
            }

            await Task.Delay(50);
        }
    }
}
