namespace OrleansCalendar.Server.Hosting;

/// <summary>Settings under <c>Server__*</c>.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Where the embedded store, the generated admin key and the key ring live.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Public URL used for OAuth redirects and webhooks; defaults to the listening URL.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The data directory as an absolute path.</summary>
    public string DataDirFullPath => Path.GetFullPath(DataDir);
}
