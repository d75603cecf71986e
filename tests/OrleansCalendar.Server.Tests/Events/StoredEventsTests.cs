using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Events;
using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.Events;

/// <summary>
/// How events and deliveries are stored inside the outbox, queues and log pages: read back whole, and states written
/// before in the storage serializer's own form still read.
/// </summary>
public sealed class StoredEventsTests(SharedAppFixture fixture) : IClassFixture<SharedAppFixture>
{
    private static readonly DateTimeOffset At = new(2027, 3, 14, 9, 0, 0, TimeSpan.FromHours(-4));

    private IGrainStorageSerializer Serializer => fixture.App.Services.GetRequiredService<IGrainStorageSerializer>();

    [Fact]
    public void An_outbox_and_a_queue_sharing_events_read_back_whole()
    {
        var booked = Event("apt_1", EventTypes.AppointmentCreated);
        var moved = Event("apt_1", EventTypes.AppointmentRescheduled);
        var outbox = new EventOutboxState { Events = [new TentativeEvent { Event = booked, PreparedAt = At, Committed = true }, new TentativeEvent { Event = moved, PreparedAt = At }] };
        var queue = new WebhookEndpointState
        {
            Queue = [Delivery(booked), Delivery(booked) with { Status = DeliveryStatus.Failed, Attempts = 4, LastStatusCode = 500, LastError = "Internal Server Error" }],
            FailingSince = At,
            OldestLogDay = new DateOnly(2027, 3, 14),
            CreatedPerDay = { [new DateOnly(2027, 3, 14)] = 2 },
        };

        var outboxBack = Serializer.Deserialize<EventOutboxState>(Serializer.Serialize(outbox))!;
        var queueBack = Serializer.Deserialize<WebhookEndpointState>(Serializer.Serialize(queue))!;

        Assert.Equal(2, outboxBack.Events.Count);
        AssertSame(booked, outboxBack.Events[0].Event);
        AssertSame(moved, outboxBack.Events[1].Event);
        Assert.True(outboxBack.Events[0].Committed);
        Assert.Equal(At, outboxBack.Events[1].PreparedAt);
        Assert.Equal(queue.Queue.Count, queueBack.Queue.Count);
        foreach (var (written, back) in queue.Queue.Zip(queueBack.Queue))
        {
            Assert.Equal(written with { Event = null }, back with { Event = null });
            AssertSame(written.Event!, back.Event!);
        }

        Assert.Equal(queue.CreatedPerDay, queueBack.CreatedPerDay);
        Assert.Equal(queue.FailingSince, queueBack.FailingSince);
    }

    [Fact]
    public void Deliveries_and_their_events_are_written_without_reference_ids_and_the_same_event_the_same_way()
    {
        var booked = Event("apt_4", EventTypes.AppointmentCreated);
        var queue = new WebhookEndpointState { Queue = [Delivery(booked), Delivery(booked)] };

        var stored = Newtonsoft.Json.Linq.JObject.Parse(Serializer.Serialize(queue).ToString());

        // Made once per object: no reference ids inside, so the second delivery repeats the event in full.
        var deliveries = stored.SelectTokens("$..Event").ToList();
        Assert.Equal(2, deliveries.Count);
        Assert.DoesNotContain(((Newtonsoft.Json.Linq.JContainer)stored["Queue"]!).Descendants().OfType<Newtonsoft.Json.Linq.JProperty>(), p => p.Name == "$id");
        Assert.True(Newtonsoft.Json.Linq.JToken.DeepEquals(deliveries[0], deliveries[1]), $"{deliveries[0]} differs from {deliveries[1]}");
    }

    [Fact]
    public void A_deliverys_computed_sort_key_and_day_are_not_stored_and_a_delivery_stored_with_them_still_reads()
    {
        var delivery = Delivery(Event("apt_6", EventTypes.AppointmentCreated)).WithoutPayload();
        var page = new WebhookEndpointState { Queue = [delivery] };

        var stored = Serializer.Serialize(page).ToString();
        var withComputed = stored.Replace("\"Id\":\"dlv_", $"\"SortKey\":\"{delivery.SortKey}\",\"Day\":\"{delivery.Day:yyyy-MM-dd}\",\"Id\":\"dlv_", StringComparison.Ordinal);
        var back = Serializer.Deserialize<WebhookEndpointState>(new BinaryData(withComputed))!;

        Assert.DoesNotContain("SortKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Day\"", stored, StringComparison.Ordinal);
        Assert.Contains("SortKey", withComputed, StringComparison.Ordinal);
        Assert.Equal(delivery, Assert.Single(back.Queue));
    }

    [Fact]
    public void A_queue_written_in_the_storage_serializers_own_form_is_read()
    {
        var booked = Event("apt_3", EventTypes.AppointmentCreated);
        var queue = new WebhookEndpointState { Queue = [Delivery(booked)] };
        var settings = fixture.App.Services.GetRequiredService<IOptions<OrleansJsonSerializerOptions>>().Value.JsonSerializerSettings;
        var ownForm = JsonConvert.SerializeObject(queue, typeof(WebhookEndpointState), new JsonSerializerSettings(settings) { Converters = [] });
        Assert.Contains("\"$id\"", ownForm, StringComparison.Ordinal);

        var back = Serializer.Deserialize<WebhookEndpointState>(new BinaryData(System.Text.Encoding.UTF8.GetBytes(ownForm)))!;

        var delivery = Assert.Single(back.Queue);
        Assert.Equal(queue.Queue[0] with { Event = null }, delivery with { Event = null });
        AssertSame(booked, delivery.Event!);
    }

    private static CalendarEvent Event(string appointmentId, string type) => CalendarEvent.ForAppointment(type,
        new AppointmentDetails(appointmentId, "sa_1", "cal_1", ["usr_1", "usr_2"], At, At.AddMinutes(30), "Consultation", AppointmentStatus.Confirmed,
            new Contact("Pat Doe", "pat@example.com", null), "Bring the forms", At.AddDays(-1), At.AddDays(-1),
            [new AppointmentSync("usr_1", "outlook", SyncState.Synced, "AAMkAD=", null)]),
        ChangedBy.Api, 1, At);

    private static WebhookDelivery Delivery(CalendarEvent e) =>
        new(DeliveryLogPages.NewId(DateOnly.FromDateTime(At.UtcDateTime), 0), e.Id, e.Type, DeliveryStatus.Pending, 0, null, null, At, At, e);

    private static void AssertSame(CalendarEvent expected, CalendarEvent actual)
    {
        Assert.Equal(expected with { Appointment = null }, actual with { Appointment = null });
        var (a, b) = (expected.Appointment!, actual.Appointment!);
        Assert.Equal(a with { UserIds = [], Sync = [] }, b with { UserIds = [], Sync = [] });
        Assert.Equal(a.UserIds, b.UserIds);
        Assert.Equal(a.Sync, b.Sync);
        Assert.Equal(a.Start.Offset, b.Start.Offset);
    }
}
