namespace OrleansCalendar.Grains.Storage;

/// <summary>What storage holds after a write, as far as the grain could learn.</summary>
public enum WriteOutcome
{
    /// <summary>The new state is stored (possibly although the write itself reported a failure: its answer was lost).</summary>
    Stored,

    /// <summary>Storage certainly still holds the previous state, and memory was reloaded from it.</summary>
    NotStored,

    /// <summary>Neither the write nor a read-back answered: the activation is being dropped, so the next call reloads.</summary>
    Unknown,
}
