using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Versions.Compatibility;
using Orleans.Versions.Selector;
using OrleansCalendar.Grains.Storage;
using OrleansCalendar.Server.Observability;
using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Hosting;

/// <summary>Co-hosts the Orleans silo in the web process, with storage chosen by <c>Storage__Provider</c>.</summary>
public static class SiloHostingExtensions
{
    private const string SqliteInvariant = "System.Data.SQLite";
    private const string PostgreSqlInvariant = "Npgsql";

    public static WebApplicationBuilder AddCalendarSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var server = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var orleans = configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        var connectionString = StorageOptions.ResolveConnectionString(configuration, storage.Provider, server);

        builder.Services.AddSingleton(new StorageSettings(storage.Provider, connectionString));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = server.ShutdownTimeout);
        builder.Services.AddSingleton<GracefulShutdown>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GracefulShutdown>());
        builder.Services.AddSingleton<SchemaMigrator>();

        // Registered before the silo so that the schema exists before any grain storage is touched.
        builder.Services.AddHostedService<SchemaMigrationHostedService>();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = orleans.ClusterId;
                o.ServiceId = orleans.ServiceId;
            });
            silo.Configure<SiloOptions>(o => o.SiloName = orleans.ResolveSiloName());

            // During a rolling upgrade old and new silos run side by side. A caller may use any interface version
            // at least as new as its own, and new activations of an interface whose [Version] was raised go to
            // the silos with the newest one, so they move to the new release as soon as one of its silos exists.
            silo.Configure<GrainVersioningOptions>(o =>
            {
                o.DefaultCompatibilityStrategy = nameof(BackwardCompatible);
                o.DefaultVersionSelectorStrategy = nameof(LatestVersion);
            });

            // A grain that cannot reach PostgreSQL fails with an NpgsqlException. Orleans only serializes exceptions
            // of namespaces it knows, so from another silo that failure would arrive as a codec error (a 500) instead
            // of the storage fault that the API answers with 503 and Retry-After.
            silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
            silo.AddActivityPropagation();

            switch (storage.Provider)
            {
                case StorageProvider.Sqlite:
                    // SQLite cannot host clustering or reminders: the embedded default is a single silo.
                    silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                    silo.Services.AddSingleton<SqliteWriter>();
                    foreach (var name in new[] { StorageNames.Default, StorageNames.Events })
                    {
                        silo.AddAdoNetGrainStorage(name, o =>
                        {
                            o.Invariant = SqliteInvariant;
                            o.ConnectionString = connectionString;
                            o.DeleteStateOnClear = name == StorageNames.Events;
                        });
                        // The provider takes the serializer registered under its name; the gate hands it states serialized ahead.
                        silo.Services.AddKeyedSingleton(name, (sp, _) => new SerializeAhead(sp.GetRequiredService<IGrainStorageSerializer>()));
                        silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(name, (sp, key) => sp.GetRequiredKeyedService<SerializeAhead>(key));
                        silo.Services.DecorateGrainStorage(name, (sp, storage) =>
                            new SqliteWriteGate(storage, sp.GetRequiredService<SqliteWriter>(), sp.GetRequiredKeyedService<SerializeAhead>(name), sp.GetRequiredService<CalendarTelemetry>()));
                    }

                    silo.UseInMemoryReminderService();
                    break;

                case StorageProvider.PostgreSql:
                    silo.ConfigureEndpoints(
                        ResolveAdvertisedAddress(orleans.AdvertisedIP),
                        orleans.SiloPort,
                        orleans.GatewayPort,
                        listenOnAnyHostAddress: true);
                    silo.Configure<ClusterMembershipOptions>(o =>
                    {
                        o.ProbeTimeout = orleans.ProbeTimeout;
                        o.NumMissedProbesLimit = orleans.NumMissedProbesLimit;
                    });
                    silo.UseAdoNetClustering(o =>
                    {
                        o.Invariant = PostgreSqlInvariant;
                        o.ConnectionString = connectionString;
                    });
                    foreach (var name in new[] { StorageNames.Default, StorageNames.Events })
                    {
                        silo.AddAdoNetGrainStorage(name, o =>
                        {
                            o.Invariant = PostgreSqlInvariant;
                            o.ConnectionString = connectionString;
                            o.DeleteStateOnClear = name == StorageNames.Events;
                        });
                    }

                    silo.UseAdoNetReminderService(o =>
                    {
                        o.Invariant = PostgreSqlInvariant;
                        o.ConnectionString = connectionString;
                    });
                    break;

                default:
                    throw new InvalidOperationException($"Unknown Storage__Provider '{storage.Provider}'. Use Sqlite or PostgreSql.");
            }
        });

        builder.Services.AddReadableGrainState();
        return builder;
    }

    private static IPAddress ResolveAdvertisedAddress(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return IPAddress.Parse(configured);
        }

        // Kubernetes hands the pod address in through the downward API.
        var podIp = Environment.GetEnvironmentVariable("POD_IP");
        if (!string.IsNullOrWhiteSpace(podIp) && IPAddress.TryParse(podIp, out var pod))
        {
            return pod;
        }

        var candidate = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return candidate ?? IPAddress.Loopback;
    }
}
