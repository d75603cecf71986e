namespace OrleansCalendar.Grains.Sync;

/// <summary>Two-way sync: the appointment's copy was moved (to <see cref="Start"/>/<see cref="End"/>) or deleted in Outlook.</summary>
internal sealed record OwnCopyChange(string AppointmentId, DateTimeOffset Start, DateTimeOffset End, bool Cancelled);
