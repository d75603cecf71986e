using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using OrleansCalendar.Grains.Security;
using OrleansCalendar.Server.Hosting;
using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Security;

public static class SecretProtectionSetup
{
    /// <summary>The application name every silo shares: Data Protection isolates key use by it.</summary>
    public const string ApplicationName = "orleans-calendar";

    /// <summary>The embedded default's key ring: one XML file per key in this folder of the data directory.</summary>
    public const string KeyRingDirectory = "keys";

    /// <summary>
    /// Data Protection with the key ring in the configured storage: files under <c>&lt;data dir&gt;/keys</c> in the
    /// embedded default, a PostgreSQL table in a cluster.
    /// </summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var server = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            var connectionString = StorageOptions.ResolveConnectionString(configuration, storage.Provider, server);
            services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PostgreSqlXmlRepository(connectionString));
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(server.DataDirFullPath, KeyRingDirectory)));
        }

        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }
}
