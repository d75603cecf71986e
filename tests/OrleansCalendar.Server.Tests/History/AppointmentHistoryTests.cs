using OrleansCalendar.Server.Tests.Infrastructure;

namespace OrleansCalendar.Server.Tests.History;

public sealed class AppointmentHistoryTests
{
    [Fact]
    public Task History_of_any_age_is_listed_and_changed_across_the_archive_boundary_on_sqlite()
    {
        var dataDir = TempDirectory.Create("oc-history");
        return new AppointmentHistoryScenario(clock => new CalendarAppFactory(dataDir, clock: clock)).RunAsync();
    }
}
