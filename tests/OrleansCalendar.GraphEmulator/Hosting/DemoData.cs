using OrleansCalendar.GraphEmulator.Control;

namespace OrleansCalendar.GraphEmulator.Hosting;

/// <summary>
/// The demo tenant for standalone runs: Adele with a default calendar, a writable "Work" calendar and a
/// read-only shared "Holidays" calendar, a few events around today, and a second user, Megan.
/// </summary>
internal static class DemoData
{
    public const string AdeleId = "5e4c1b8a-3f2d-4b6e-9a71-2c8d0f6e4a13";
    public const string MeganId = "9b2e7d41-6c3a-4f58-8e1d-7a4b0c9f2e65";

    public static EmulatedMailbox Seed(GraphEmulatorControl control)
    {
        var adele = control.AddMailbox("adele@contoso.test", "Adele Vance", AdeleId);
        var work = control.AddCalendar(adele.Id, "Work", canEdit: true, color: "lightBlue");
        var holidays = control.AddCalendar(
            adele.Id, "Holidays", canEdit: false, color: "lightGreen", ownerName: "Contoso Holidays", ownerAddress: "holidays@contoso.test");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        DateTime At(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute));

        control.AddEvent(adele.Id, adele.DefaultCalendarId, new EventSpec("Team stand-up", At(monday, 9), At(monday, 9, 15), "Europe/Berlin")
        {
            Recurrence = RecurrenceSpec.Weekly(monday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday),
        });
        control.AddEvent(adele.Id, adele.DefaultCalendarId, new EventSpec("Dentist", At(today.AddDays(1), 14), At(today.AddDays(1), 15), "Europe/Berlin")
        {
            Sensitivity = "private",
            Location = "Dr. Smile",
        });
        control.AddEvent(adele.Id, adele.DefaultCalendarId, new EventSpec("Focus time", At(today.AddDays(2), 10), At(today.AddDays(2), 12), "Europe/Berlin")
        {
            ShowAs = "free",
        });
        control.AddEvent(adele.Id, work.Id, new EventSpec("Customer workshop", At(today.AddDays(3), 13), At(today.AddDays(3), 16), "W. Europe Standard Time")
        {
            ShowAs = "tentative",
            Body = "Agenda to follow.",
        });
        control.AddEvent(adele.Id, holidays.Id, new EventSpec("Company holiday", At(today.AddDays(7), 0), At(today.AddDays(8), 0), "Europe/Berlin")
        {
            IsAllDay = true,
            ShowAs = "oof",
        });

        control.AddMailbox("megan@contoso.test", "Megan Bowen", MeganId);
        return adele;
    }
}
