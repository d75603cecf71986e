using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using OrleansCalendar.Client;
using OrleansCalendar.Client.Models;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.OpenApi;
using ErrorCode = OrleansCalendar.Client.Models.ErrorCode;

namespace OrleansCalendar.Server.Tests.Foundation;

/// <summary>
/// The typed client in src/OrleansCalendar.Client: made by Kiota from the document the server serves today, and
/// enough for a whole booking flow without a cast or a hand-written type.
/// </summary>
public sealed class GeneratedClientTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private static readonly string ClientDir = Path.Combine(RepositoryRoot.Path, "src", "OrleansCalendar.Client");
    private static readonly string CommittedDocument = Path.Combine(ClientDir, "openapi.json");

    [Fact]
    public async Task Committed_document_is_the_live_document()
    {
        var live = await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("ORLEANSCALENDAR_WRITE_OPENAPI") == "1")
        {
            // tools/generate-client.sh refreshes the committed copy this way.
            await File.WriteAllTextAsync(CommittedDocument, live);
        }

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(live), JsonNode.Parse(await File.ReadAllTextAsync(CommittedDocument))),
            "The API changed since the client was generated: run tools/generate-client.sh and commit src/OrleansCalendar.Client.");
    }

    [Fact]
    public async Task Committed_client_is_what_kiota_makes_of_the_committed_document()
    {
        var output = TempDirectory.Create("oc-kiota");
        var generate = Process.Start(new ProcessStartInfo("bash", $"tools/kiota-generate.sh \"{output}\"")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = generate.StandardOutput.ReadToEndAsync();
        var errors = generate.StandardError.ReadToEndAsync();
        await generate.WaitForExitAsync();
        Assert.True(generate.ExitCode == 0, "kiota failed:\n" + await log + await errors);

        var committed = Path.Combine(ClientDir, "Generated");
        var differences = Files(output).Union(Files(committed))
            .Where(f => f != "kiota-lock.json" && !SameText(Path.Combine(output, f), Path.Combine(committed, f)))
            .ToList();
        Assert.True(differences.Count == 0,
            "src/OrleansCalendar.Client/Generated differs from what Kiota makes (run tools/generate-client.sh):\n" + string.Join("\n", differences));
        Assert.Equal(Lock(output)["descriptionHash"]!.GetValue<string>(), Lock(committed)["descriptionHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_whole_booking_flow_runs_on_the_typed_client_and_every_exchange_matches_the_document()
    {
        var traffic = new OpenApiTraffic(await fixture.App.GetContractAsync());
        var admin = Client(traffic, CalendarAppFactory.AdminKey);

        var subAccount = await admin.V1.Subaccounts.PostAsync(new CreateSubAccountRequest { Name = "Acme Dental", TimeZone = "America/New_York" });
        var api = Client(traffic, subAccount!.ApiKey!).V1.Subaccounts[subAccount.Id!];
        var user = await api.Users.PostAsync(new CreateUserRequest { Name = "Adele Vance", Email = $"adele-{Guid.NewGuid():N}@example.com" });
        var nineToFive = new List<HoursRangeRequest> { new() { Start = "09:00", End = "17:00" } };
        var calendar = await api.Calendars.PostAsync(new CreateCalendarRequest
        {
            Name = "Intro call",
            Type = CalendarType.Personal,
            UserIds = [user!.Id!],
            TimeZone = "Europe/Berlin",
            BookingWindowDays = 365,
            WeeklyHours = new CreateCalendarRequest_weeklyHours { Monday = nineToFive, Tuesday = nineToFive, Wednesday = nineToFive, Thursday = nineToFive, Friday = nineToFive },
        });
        var renamed = await api.Calendars[calendar!.Id!].PatchAsync(new UpdateCalendarRequest { Name = "Intro call (30 min)" });
        Assert.Equal("Intro call (30 min)", renamed!.Name);
        Assert.Equal(30, renamed.SlotDurationMinutes);

        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var slots = await api.Calendars[calendar.Id!].FreeSlots.GetAsync(q =>
        {
            q.QueryParameters.Start = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            q.QueryParameters.End = day.AddDays(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        });
        var free = slots!.Days!.SelectMany(d => d.Slots!).ToList();
        Assert.True(free.Count >= 2);

        var appointments = api.Calendars[calendar.Id!].Appointments;
        var booked = await appointments.PostAsync(new CreateAppointmentRequest
        {
            Start = free[0].Start,
            Title = "Consultation",
            Contact = new ContactRequest { Name = "Pat Doe", Email = "pat@example.com" },
        });
        Assert.Equal(AppointmentStatus.Confirmed, booked!.Status);
        Assert.Equal(free[0].End, booked.End);

        var taken = await Assert.ThrowsAsync<ProblemDetails>(() => appointments.PostAsync(new CreateAppointmentRequest
        {
            Start = free[0].Start,
            Contact = new ContactRequest { Name = "Sam Roe" },
        }));
        Assert.Equal(ErrorCode.SlotUnavailable, taken.Code);
        Assert.Equal(409, taken.ResponseStatusCode);
        Assert.False(string.IsNullOrEmpty(taken.TraceId));

        var moved = await appointments[booked.Id!].PatchAsync(new UpdateAppointmentRequest { Start = free[1].Start });
        Assert.Equal(free[1].Start, moved!.Start);
        await appointments[booked.Id!].DeleteAsync();
        Assert.Equal(AppointmentStatus.Cancelled, (await appointments[booked.Id!].GetAsync())!.Status);

        var invalid = await Assert.ThrowsAsync<ProblemDetails>(() => api.Calendars.PostAsync(new CreateCalendarRequest { Name = "x", Type = CalendarType.Personal, TimeZone = "Mars/Olympus" }));
        Assert.Equal(ErrorCode.ValidationFailed, invalid.Code);
        Assert.True(invalid.Errors!.AdditionalData.ContainsKey("timeZone"));

        traffic.AssertNoViolations();
    }

    private CalendarApiClient Client(OpenApiTraffic traffic, string key)
    {
        // Kiota sends API keys over https only; the in-memory test server answers any scheme.
        var auth = new ApiKeyAuthenticationProvider("Bearer " + key, "Authorization", ApiKeyAuthenticationProvider.KeyLocation.Header);
        var http = fixture.App.CreateValidatedClient(traffic, key: null);
        return new CalendarApiClient(new HttpClientRequestAdapter(auth, httpClient: http) { BaseUrl = "https://localhost" });
    }

    private static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));

    private static bool SameText(string a, string b) =>
        File.Exists(a) && File.Exists(b) && File.ReadAllText(a).ReplaceLineEndings() == File.ReadAllText(b).ReplaceLineEndings();

    private static JsonNode Lock(string dir) => JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "kiota-lock.json")))!;
}
