namespace OrleansCalendar.Server.Hosting;

/// <summary>Settings under <c>Server__*</c>.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Where the embedded store, the generated admin key and the key ring live.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Public URL used for OAuth redirects and webhooks; defaults to the listening URL.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// On SIGTERM, how long <c>/health/ready</c> answers 503 while requests are still served, so that load
    /// balancers stop sending traffic before the listener closes. Defaults to 5 s in a cluster, none embedded.
    /// </summary>
    public TimeSpan? ShutdownDrain { get; set; }

    /// <summary>The whole graceful stop: drain, finish in-flight requests, deactivate grains, leave the cluster.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the server listens when neither <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> nor <c>--urls</c> says.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The data directory as an absolute path.</summary>
    public string DataDirFullPath => Path.GetFullPath(DataDir);
}
