using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansCalendar.Server.OpenApi;

/// <summary>
/// Examples for the main operations, by operation id: the request body and the answers a client meets first.
/// The document test validates every example against its schema, so they cannot drift from the types.
/// </summary>
public sealed class OpenApiExamples : IOpenApiOperationTransformer
{
    private const string Json = "application/json";
    private const string ProblemJson = "application/problem+json";

    private const string Appointment = """
        {"id": "apt_k3j5q2w7e4r6t8y2u4i6o8p2a4", "calendarId": "cal_m2n4b6v8c2x4z6l8k2j4h6g8f2", "userIds": ["usr_q2w4e6r8t2y4u6i8o2p4a6s8d2"],
         "start": "2026-12-01T09:00:00-05:00", "end": "2026-12-01T09:30:00-05:00", "title": "Consultation", "status": "confirmed",
         "contact": {"name": "Pat Doe", "email": "pat@example.com", "phone": null}, "notes": null,
         "createdAt": "2026-11-20T15:04:05Z", "updatedAt": "2026-11-20T15:04:05Z",
         "sync": [{"userId": "usr_q2w4e6r8t2y4u6i8o2p4a6s8d2", "provider": "outlook", "state": "pending", "externalEventId": null, "lastError": null}]}
        """;

    private static readonly Dictionary<string, Example> Examples = new(StringComparer.Ordinal)
    {
        ["CreateSubAccount"] = new(
            """{"name": "Acme Dental", "timeZone": "America/New_York"}""",
            ("201", """{"id": "sa_d2f4g6h8j2k4l6z8x2c4v6b8n2", "name": "Acme Dental", "timeZone": "America/New_York", "createdAt": "2026-11-20T15:04:05Z", "apiKey": "sk-sa_d2f4g6h8j2k4l6z8x2c4v6b8n2.kR4n7f0Zb1Yw9uHq2sXc8vLm5eJt3aPd6gQi0oWy4lE"}""")),
        ["CreateUser"] = new(
            """{"name": "Adele Vance", "email": "adele@example.com", "timeZone": "America/New_York"}""",
            ("201", """{"id": "usr_q2w4e6r8t2y4u6i8o2p4a6s8d2", "subAccountId": "sa_d2f4g6h8j2k4l6z8x2c4v6b8n2", "name": "Adele Vance", "email": "adele@example.com", "timeZone": "America/New_York", "createdAt": "2026-11-20T15:04:05Z"}""")),
        ["CreateCalendar"] = new(
            """
            {"name": "Intro call", "type": "personal", "userIds": ["usr_q2w4e6r8t2y4u6i8o2p4a6s8d2"], "timeZone": "America/New_York",
             "slotDurationMinutes": 30, "bufferAfterMinutes": 10, "minimumNoticeMinutes": 60, "bookingWindowDays": 60,
             "weeklyHours": {"monday": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}], "tuesday": [{"start": "09:00", "end": "17:00"}]}}
            """,
            ("201", """
                {"id": "cal_m2n4b6v8c2x4z6l8k2j4h6g8f2", "name": "Intro call", "type": "personal", "userIds": ["usr_q2w4e6r8t2y4u6i8o2p4a6s8d2"],
                 "timeZone": "America/New_York", "slotDurationMinutes": 30, "slotIntervalMinutes": 30, "bufferBeforeMinutes": 0, "bufferAfterMinutes": 10,
                 "minimumNoticeMinutes": 60, "bookingWindowDays": 60,
                 "weeklyHours": {"monday": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}], "tuesday": [{"start": "09:00", "end": "17:00"}]},
                 "publicBooking": false, "outlookSync": true, "createdAt": "2026-11-20T15:04:05Z", "updatedAt": "2026-11-20T15:04:05Z"}
                """),
            ("400", """{"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "The request is invalid.", "status": 400, "detail": "One or more fields are invalid.", "code": "validation-failed", "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "errors": {"timeZone": ["'Mars/Olympus' is not an IANA time zone name (for example 'America/New_York')."]}}""")),
        ["UpdateCalendar"] = new("""{"name": "Intro call (30 min)", "bufferBeforeMinutes": 5}"""),
        ["GetFreeSlots"] = new(
            null,
            ("200", """
                {"calendarId": "cal_m2n4b6v8c2x4z6l8k2j4h6g8f2", "timeZone": "Europe/Berlin",
                 "days": [{"date": "2026-12-01", "slots": [
                   {"start": "2026-12-01T15:00:00+01:00", "end": "2026-12-01T15:30:00+01:00", "userIds": ["usr_q2w4e6r8t2y4u6i8o2p4a6s8d2"]},
                   {"start": "2026-12-01T15:30:00+01:00", "end": "2026-12-01T16:00:00+01:00", "userIds": ["usr_q2w4e6r8t2y4u6i8o2p4a6s8d2"]}]}]}
                """)),
        ["GetAvailability"] = new(
            null,
            ("200", """
                {"calendarId": "cal_m2n4b6v8c2x4z6l8k2j4h6g8f2", "date": "2026-12-03", "timeZone": "America/New_York", "slots": [
                  {"start": "2026-12-03T08:30:00-05:00", "end": "2026-12-03T09:00:00-05:00", "bookable": false,
                   "reasons": [{"code": "outside-hours", "userId": null, "start": null, "end": null, "source": null}]},
                  {"start": "2026-12-03T09:00:00-05:00", "end": "2026-12-03T09:30:00-05:00", "bookable": true, "reasons": []},
                  {"start": "2026-12-03T14:00:00-05:00", "end": "2026-12-03T14:30:00-05:00", "bookable": false,
                   "reasons": [{"code": "appointment", "userId": "usr_q2w4e6r8t2y4u6i8o2p4a6s8d2", "start": "2026-12-03T14:00:00-05:00", "end": "2026-12-03T14:30:00-05:00",
                                "source": {"appointmentId": "apt_k3j5q2w7e4r6t8y2u4i6o8p2a4", "calendarId": "cal_m2n4b6v8c2x4z6l8k2j4h6g8f2"}}]},
                  {"start": "2026-12-03T14:30:00-05:00", "end": "2026-12-03T15:00:00-05:00", "bookable": false,
                   "reasons": [{"code": "appointment-buffer", "userId": "usr_q2w4e6r8t2y4u6i8o2p4a6s8d2", "start": "2026-12-03T14:00:00-05:00", "end": "2026-12-03T14:30:00-05:00",
                                "source": {"appointmentId": "apt_k3j5q2w7e4r6t8y2u4i6o8p2a4", "calendarId": "cal_m2n4b6v8c2x4z6l8k2j4h6g8f2"}},
                               {"code": "outlook-busy", "userId": "usr_q2w4e6r8t2y4u6i8o2p4a6s8d2", "start": "2026-12-03T14:45:00-05:00", "end": "2026-12-03T16:00:00-05:00",
                                "source": {"outlookCalendarId": "AAMkAGI2TG93AAA=", "showAs": "busy", "subject": "Dentist"}}]}]}
                """)),
        ["CreateAppointment"] = new(
            """{"start": "2026-12-01T09:00:00-05:00", "title": "Consultation", "contact": {"name": "Pat Doe", "email": "pat@example.com"}}""",
            ("201", Appointment),
            ("409", """{"type": "https://tools.ietf.org/html/rfc9110#section-15.5.10", "title": "Conflict.", "status": 409, "detail": "The requested time is no longer available.", "code": "slot-unavailable", "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}""")),
        ["UpdateAppointment"] = new("""{"start": "2026-12-01T10:00:00-05:00"}"""),
        ["GetAppointment"] = new(null, ("200", Appointment)),
        ["CreatePublicAppointment"] = new(
            """{"start": "2026-12-01T15:00:00+01:00", "contact": {"name": "Pat Doe", "email": "pat@example.com"}}""",
            ("201", """{"id": "apt_k3j5q2w7e4r6t8y2u4i6o8p2a4", "calendarId": "cal_m2n4b6v8c2x4z6l8k2j4h6g8f2", "start": "2026-12-01T09:00:00-05:00", "end": "2026-12-01T09:30:00-05:00", "status": "confirmed"}""")),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id || !Examples.TryGetValue(id, out var example))
        {
            return Task.CompletedTask;
        }

        if (example.Request is not null && operation.RequestBody?.Content?.TryGetValue(Json, out var body) == true)
        {
            body.Example = JsonNode.Parse(example.Request);
        }

        foreach (var (status, json) in example.Responses)
        {
            if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } content
                && (content.TryGetValue(Json, out var media) || content.TryGetValue(ProblemJson, out media)))
            {
                media.Example = JsonNode.Parse(json);
            }
        }

        return Task.CompletedTask;
    }

    private sealed record Example(string? Request, params (string Status, string Json)[] Responses);
}
