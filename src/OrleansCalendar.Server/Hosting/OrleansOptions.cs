namespace OrleansCalendar.Server.Hosting;

/// <summary>Settings under <c>Orleans__*</c>: the cluster identity and this silo's endpoints.</summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "dev";

    public string ServiceId { get; set; } = "orleans-calendar";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; defaults to the first non-loopback address.</summary>
    public string? AdvertisedIP { get; set; }
}
