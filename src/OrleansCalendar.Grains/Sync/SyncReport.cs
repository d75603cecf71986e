using OrleansCalendar.Abstractions.Appointments;

namespace OrleansCalendar.Grains.Sync;

/// <summary>What an appointment is told about its Outlook copy once the change is stored.</summary>
internal sealed record SyncReport(string AppointmentId, AppointmentSync Sync);
