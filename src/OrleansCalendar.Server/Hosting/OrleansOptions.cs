namespace OrleansCalendar.Server.Hosting;

/// <summary>Settings under <c>Orleans__*</c>: the cluster identity, this silo's endpoints and failure detection.</summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "dev";

    public string ServiceId { get; set; } = "orleans-calendar";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; defaults to <c>POD_IP</c>, else the first non-loopback address.</summary>
    public string? AdvertisedIP { get; set; }

    /// <summary>This silo's name in the membership table and logs; defaults to <c>POD_NAME</c>, else the machine name.</summary>
    public string? SiloName { get; set; }

    /// <summary>
    /// How long a probe of another silo may take. A silo that misses <see cref="NumMissedProbesLimit"/> probes in a
    /// row is voted dead, so a killed silo is detected in about their product (Orleans' own default is 5 s).
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>The silo name: configured, the Kubernetes pod name, or the machine name.</summary>
    public string ResolveSiloName() =>
        !string.IsNullOrWhiteSpace(SiloName) ? SiloName
        : Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod
        : Environment.MachineName;
}
