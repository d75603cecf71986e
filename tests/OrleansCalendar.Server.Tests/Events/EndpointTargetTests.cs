using System.Net;
using Microsoft.Extensions.Options;
using OrleansCalendar.Grains.Events;
using OrleansCalendar.Server.Events;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Events;

/// <summary>The private-target guard with its default (private targets refused), at creation and at connection time.</summary>
public sealed class EndpointTargetTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.16.0.9/hook")]
    [InlineData("https://192.168.1.1/hook")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00:ec2::254]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://224.0.0.1/hook")]
    [InlineData("http://93.184.216.34/hook")]
    public async Task Private_and_plain_http_targets_are_422_endpoint_not_allowed_at_create_and_patch(string url)
    {
        var s = await BookingScenario.CreateAsync(fixture.App);
        (await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints", new { url })).AssertProblem(HttpStatusCode.UnprocessableEntity, "endpoint-not-allowed");

        var (status, created) = await s.Client.PostJsonAsync($"{s.Base}/webhook-endpoints", new { url = "https://93.184.216.34/hook" });
        Assert.Equal(HttpStatusCode.Created, status);
        (await s.Client.SendJsonAsync(HttpMethod.Patch, $"{s.Base}/webhook-endpoints/{created!["id"]}", new { url })).AssertProblem(HttpStatusCode.UnprocessableEntity, "endpoint-not-allowed");
        var (_, unchanged) = await s.Client.GetJsonAsync($"{s.Base}/webhook-endpoints/{created["id"]}");
        Assert.Equal("https://93.184.216.34/hook", unchanged!["url"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.128.0.1", true)]
    [InlineData("169.254.169.254", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("2002:7f00:1::", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2606:4700:4700::1111", true)]
    public void Only_public_unicast_addresses_are_targets(string address, bool isPublic) =>
        Assert.Equal(isPublic, TargetAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_connection_is_refused_when_the_host_resolves_to_a_private_address_at_delivery_time()
    {
        // The URL was accepted when it resolved elsewhere; what counts is the address connected to now (DNS rebinding).
        await using var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.NewUrl(out var path).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        using var guarded = Client(new EventOptions());
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => guarded.PostAsync(url, new StringContent("{}")));
        Assert.Contains("Refused", refused.Message + refused.InnerException?.Message, StringComparison.Ordinal);
        Assert.Empty(receiver.Received(path));

        // The same callback with private targets allowed connects.
        using var allowed = Client(new EventOptions { AllowPrivateTargets = true });
        Assert.Equal(HttpStatusCode.OK, (await allowed.PostAsync(url, new StringContent("{}"))).StatusCode);
        Assert.Single(receiver.Received(path));
    }

    private static HttpClient Client(EventOptions options) =>
        new(new SocketsHttpHandler { ConnectCallback = new WebhookTargetPolicy(Options.Create(options)).ConnectAsync });
}
