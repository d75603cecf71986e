using OrleansCalendar.Grains.Availability;

namespace OrleansCalendar.Server.Availability;

public static class AvailabilitySetup
{
    /// <summary>Timing of availability grains: pending checks, written-behind flushes and the archive pass (<c>Availability__*</c>).</summary>
    public static IServiceCollection AddAvailability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AvailabilityOptions>()
            .Bind(configuration.GetSection(AvailabilityOptions.Section))
            .Validate(o => o.PendingTimeout > TimeSpan.Zero && o.FlushDelay >= TimeSpan.Zero && o.ArchiveAfter >= TimeSpan.Zero && o.ArchiveInterval > TimeSpan.Zero,
                "Invalid Availability__* settings: PendingTimeout and ArchiveInterval > 0, FlushDelay and ArchiveAfter >= 0.")
            .ValidateOnStart();
        return services;
    }
}
