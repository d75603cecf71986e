using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.Hosting;

/// <summary>
/// <c>OrleansCalendar.Server migrate</c>: applies the schema scripts to the configured storage and exits,
/// for operators who prefer to migrate before rolling out silos. Start-up applies the same scripts anyway.
/// </summary>
public static class MigrateCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "migrate";

    public static async Task<int> RunAsync(WebApplicationBuilder builder)
    {
        var server = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = StorageOptions.ResolveConnectionString(builder.Configuration, storage.Provider, server);

        using var loggers = LoggerFactory.Create(l => l.AddConsole());
        var migrator = new SchemaMigrator(loggers.CreateLogger<SchemaMigrator>());
        await migrator.MigrateAsync(storage.Provider, connectionString, CancellationToken.None);
        return 0;
    }
}
