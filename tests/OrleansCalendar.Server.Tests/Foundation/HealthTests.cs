using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Foundation;

public sealed class HealthTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    [Fact]
    public async Task Live_answers_without_a_key()
    {
        var (status, body) = await fixture.App.CreateClient().GetJsonAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_reports_an_active_silo_and_answering_storage()
    {
        var (status, body) = await fixture.App.CreateClient().GetJsonAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body!["checks"]!["silo"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["storage"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_cluster_view_needs_the_admin_key_and_shows_this_silo_active()
    {
        var (_, key) = await fixture.App.CreateAdminClient().CreateSubAccountAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.CreateClient().GetJsonAsync("/v1/cluster")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientWithKey(key).GetJsonAsync("/v1/cluster")).Status);

        var (status, body) = await fixture.App.CreateAdminClient().GetJsonAsync("/v1/cluster");
        Assert.Equal(HttpStatusCode.OK, status);
        var self = Assert.Single(body!["silos"]!.AsArray(), s => s!["self"]!.GetValue<bool>())!;
        Assert.Equal("active", self["status"]!.GetValue<string>());
        Assert.True(self["activations"]!["SubAccountGrain"]!.GetValue<int>() >= 1, self.ToJsonString());
    }

    [Fact]
    public async Task Ready_is_503_when_storage_does_not_answer()
    {
        await using var app = new CalendarAppFactory();
        _ = app.Server;

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetJsonAsync("/health/ready")).Status);

        // Take the store away underneath the running silo: readiness must notice. Background work started with the
        // app (waking Outlook integrations) may still be writing while the directory goes: try until it is gone.
        await Eventually.TrueAsync(() =>
        {
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(app.DataDir, recursive: true);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }, "the data directory to be removed");
        await File.WriteAllTextAsync(app.DataDir, "not a directory");

        var (status, body) = await app.CreateClient().GetJsonAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body!["checks"]!["storage"]!["status"]!.GetValue<string>());
        File.Delete(app.DataDir);
    }
}
