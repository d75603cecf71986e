using OrleansCalendar.Abstractions.Appointments;

namespace OrleansCalendar.Grains.Appointments;

[GenerateSerializer]
public sealed class AppointmentState
{
    [Id(0)]
    public bool Exists { get; set; }

    /// <summary>The plan currently reserved on every member.</summary>
    [Id(1)]
    public AppointmentPlan? Plan { get; set; }

    /// <summary>Grows with every move; availability grains key their holds by it.</summary>
    [Id(2)]
    public int Revision { get; set; }

    [Id(3)]
    public AppointmentStatus Status { get; set; }

    [Id(4)]
    public string? Title { get; set; }

    [Id(5)]
    public Contact Contact { get; set; } = new("", null, null);

    [Id(6)]
    public string? Notes { get; set; }

    [Id(7)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(8)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(9)]
    public List<AppointmentSync> Sync { get; set; } = [];

    /// <summary>Grows with every change Outlook copies must follow (move, text, cancel): orders the pushes.</summary>
    [Id(10)]
    public long PushVersion { get; set; }

    /// <summary>The sequence number of this appointment's last stored event: what the event publisher asks about.</summary>
    [Id(11)]
    public long EventSequence { get; set; }

    /// <summary>
    /// New with every write of this record. A write whose answer was lost reads the record back: a new version with
    /// its own stamp is that write; with another stamp, a fence that another activation wrote in its place.
    /// </summary>
    [Id(12)]
    public Guid WriteStamp { get; set; }
}
