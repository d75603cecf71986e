namespace OrleansCalendar.Server.PublicBooking;

/// <summary>Settings under <c>PublicBooking__*</c>.</summary>
public sealed class PublicBookingOptions
{
    public const string Section = "PublicBooking";

    /// <summary>Requests per client address per minute on the public routes.</summary>
    public int PermitsPerMinute { get; set; } = 120;
}
