namespace OrleansCalendar.Grains.Availability;

/// <summary>Timing of availability grains (<c>Availability__*</c>).</summary>
public sealed class AvailabilityOptions
{
    public const string Section = "Availability";

    /// <summary>How long a hold may stay unconfirmed before the appointment is asked about it.</summary>
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long confirmations and releases may wait in memory before they are written (they lose nothing if lost).</summary>
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Holds of appointments that ended this long ago leave the availability grain for the archive.</summary>
    public TimeSpan ArchiveAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often an active availability grain moves ended holds to the archive.</summary>
    public TimeSpan ArchiveInterval { get; set; } = TimeSpan.FromHours(6);
}
