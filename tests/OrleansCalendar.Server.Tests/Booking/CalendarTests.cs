using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Booking;

public sealed class CalendarTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private readonly CalendarAppFactory _app = fixture.App;

    [Fact]
    public async Task A_calendar_is_created_read_patched_listed_and_deleted()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();

        var (status, calendar) = await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("personal", calendar!["type"]!.GetValue<string>());
        Assert.Equal("09:00", calendar["weeklyHours"]!["monday"]![0]!["start"]!.GetValue<string>());

        var (patched, body) = await s.Client.SendJsonAsync(HttpMethod.Patch, $"{s.Base}/calendars/{cid}", new { bufferAfterMinutes = 10, name = "Intro call" });
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.Equal(10, body!["bufferAfterMinutes"]!.GetValue<int>());
        Assert.Equal("Intro call", body["name"]!.GetValue<string>());
        Assert.Equal(30, body["slotDurationMinutes"]!.GetValue<int>());

        var (_, list) = await s.Client.GetJsonAsync($"{s.Base}/calendars");
        Assert.Contains(list!["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == cid);

        Assert.Equal(HttpStatusCode.NoContent, (await s.Client.SendJsonAsync(HttpMethod.Delete, $"{s.Base}/calendars/{cid}")).Status);
        (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}")).AssertProblem(HttpStatusCode.NotFound, "calendar-not-found");
        (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/free-slots?start=2027-01-04&end=2027-01-05")).AssertProblem(HttpStatusCode.NotFound, "calendar-not-found");
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"type\":\"personal\",\"userIds\":[]}", "userIds")]
    [InlineData("{\"name\":\"x\",\"type\":\"collective\",\"userIds\":[]}", "userIds")]
    [InlineData("{\"name\":\"x\",\"type\":\"event\",\"slotDurationMinutes\":0}", "slotDurationMinutes")]
    [InlineData("{\"name\":\"x\",\"type\":\"event\",\"bookingWindowDays\":0}", "bookingWindowDays")]
    [InlineData("{\"name\":\"x\",\"type\":\"event\",\"timeZone\":\"Nowhere/Land\"}", "timeZone")]
    [InlineData("{\"name\":\"x\",\"type\":\"event\",\"weeklyHours\":{\"funday\":[]}}", "weeklyHours.funday")]
    [InlineData("{\"name\":\"x\",\"type\":\"event\",\"weeklyHours\":{\"monday\":[{\"start\":\"17:00\",\"end\":\"09:00\"}]}}", "weeklyHours.monday[0]")]
    [InlineData("{\"name\":\"x\",\"type\":\"event\",\"weeklyHours\":{\"monday\":[{\"start\":\"9am\",\"end\":\"5pm\"}]}}", "weeklyHours.monday[0]")]
    [InlineData("{\"name\":\"x\",\"type\":\"event\",\"weeklyHours\":{\"monday\":[{\"start\":\"09:00\",\"end\":\"12:00\"},{\"start\":\"11:00\",\"end\":\"13:00\"}]}}", "weeklyHours.monday")]
    [InlineData("{\"name\":\"x\"}", "type")]
    public async Task Invalid_calendars_are_400_naming_the_field(string body, string field)
    {
        var s = await BookingScenario.CreateAsync(_app);
        var response = await s.Client.PostJsonAsync($"{s.Base}/calendars", body);

        response.AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(response.Body!["errors"]![field] is not null, $"no error for {field}: {response.Body.ToJsonString()}");
        var (_, list) = await s.Client.GetJsonAsync($"{s.Base}/calendars");
        Assert.Empty(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_type_value_is_400()
    {
        var s = await BookingScenario.CreateAsync(_app);
        (await s.Client.PostJsonAsync($"{s.Base}/calendars", "{\"name\":\"x\",\"type\":\"party\"}")).AssertProblem(HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task A_member_of_another_sub_account_is_rejected()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var other = await BookingScenario.CreateAsync(_app);

        var response = await s.Client.PostJsonAsync($"{s.Base}/calendars", new { name = "x", type = "personal", userIds = new[] { other.UserIds[0] } });

        response.AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(response.Body!["errors"]!["userIds"]);
    }

    [Fact]
    public async Task Free_slot_ranges_over_31_days_are_400_range_too_large()
    {
        var s = await BookingScenario.CreateAsync(_app);
        var cid = await s.CreateCalendarAsync();

        (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/free-slots?start=2027-01-01&end=2027-02-01")).AssertProblem(HttpStatusCode.BadRequest, "range-too-large");
        Assert.Equal(HttpStatusCode.OK, (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/free-slots?start=2027-01-01&end=2027-01-31")).Status);
        (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/free-slots?start=2027-01-05&end=2027-01-01")).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/free-slots?start=tomorrow&end=2027-01-01")).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await s.Client.GetJsonAsync($"{s.Base}/calendars/{cid}/free-slots?start=2027-01-01&end=2027-01-02&timeZone=Mars/Base")).AssertProblem(HttpStatusCode.BadRequest, "validation-failed");
    }
}
