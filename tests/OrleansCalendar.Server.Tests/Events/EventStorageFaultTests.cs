using System.Net;
using OrleansCalendar.Server.Tests.Infrastructure;
using OrleansCalendar.Server.Tests.Infrastructure.Faults;

namespace OrleansCalendar.Server.Tests.Events;

/// <summary>The prepare–commit protocol when a write fails: no event for a change that was not stored, and one for a change that was.</summary>
public sealed class EventStorageFaultTests : IAsyncLifetime
{
    private readonly CalendarAppFactory _app = new(settings: EventsFixture.Settings, injectStorageFaults: true);
    private WebhookReceiver _receiver = null!;

    private StorageFaults Faults => _app.Faults!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Theory]
    [InlineData("appointment", FaultKind.BeforeWrite, false)]
    [InlineData("appointment", FaultKind.AfterWrite, true)]
    [InlineData("event-outbox", FaultKind.BeforeWrite, false)]
    [InlineData("event-outbox", FaultKind.AfterWrite, false)]
    public async Task A_booking_whose_write_fails_has_an_event_exactly_when_it_was_stored(string stateName, FaultKind kind, bool stored)
    {
        var s = await BookingScenario.CreateAsync(_app);
        var calendarId = await s.CreateCalendarAsync();
        var url = _receiver.NewUrl(out var path);
        await EventEndpoints.CreateAsync(s.Client, s.SubAccountId, url, "appointment.created");
        var start = BookingScenario.NewYork(7, 10);

        Faults.FailNth(1, kind, write => write.StateName == stateName);
        var (status, body) = await s.BookAsync(calendarId, start);
        Faults.Heal();
        Assert.Equal(1, Faults.Injected);
        Assert.True(status == (stored ? HttpStatusCode.Created : HttpStatusCode.ServiceUnavailable), $"{(int)status} {body?.ToJsonString()}");

        // Whatever was prepared is settled with the appointment within the verification delay (1 s here).
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(stored ? 1 : 0, _receiver.Received(path).Count);

        // Booking again works, with its own event.
        var retried = stored ? null : await s.BookOkAsync(calendarId, start);
        var hooks = await _receiver.WaitAsync(path, r => r.Count >= 1, "the booking's event");
        await Task.Delay(500);
        Assert.Single(_receiver.Received(path));
        Assert.Equal(stored ? body!["id"]!.GetValue<string>() : retried, hooks[0].Data["id"]!.GetValue<string>());
    }
}
