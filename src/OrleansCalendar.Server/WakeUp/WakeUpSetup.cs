using OrleansCalendar.Grains.WakeUp;
using OrleansCalendar.Server.Hosting;
using OrleansCalendar.Server.Storage;

namespace OrleansCalendar.Server.WakeUp;

public static class WakeUpSetup
{
    /// <summary>
    /// The wake-up of grains with timers: a sharded directory where reminders live in memory (SQLite), the durable
    /// reminder table on PostgreSQL. Kinds of grains join with <see cref="AddWakeUpTarget"/>.
    /// </summary>
    public static IServiceCollection AddWakeUps(this IServiceCollection services)
    {
        services.AddOptions<WakeUpOptions>().Configure<StorageSettings>((o, storage) => o.UseDirectory = storage.Provider == StorageProvider.Sqlite);
        services.AddSingleton<WakeUpRegistration>();
        services.AddSingleton<IWakeUpSource>(sp => sp.GetRequiredService<StorageSettings>().Provider == StorageProvider.Sqlite
            ? ActivatorUtilities.CreateInstance<DirectoryWakeUpSource>(sp)
            : ActivatorUtilities.CreateInstance<ReminderWakeUpSource>(sp));
        services.AddHostedService<WakeUpService>();
        return services;
    }

    public static IServiceCollection AddWakeUpTarget(this IServiceCollection services, WakeUpTarget target) => services.AddSingleton(target);
}
