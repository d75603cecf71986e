namespace OrleansCalendar.Grains.Sync;

/// <summary>What <see cref="PushEngine.Enqueue"/> made of an appointment push.</summary>
internal enum PushOutcome
{
    /// <summary>Nothing to do: an older version, a finished cancel, or no connection.</summary>
    Ignored,

    /// <summary>The member has no calendar to push to: the appointment is told so.</summary>
    NotApplicable,

    /// <summary>Stored as owed, to be tried at once.</summary>
    Queued,
}
