namespace OrleansCalendar.Domain.Scheduling;

/// <summary>Whose freedom makes a slot bookable.</summary>
public enum SlotMode
{
    /// <summary>A slot is offered when at least one member is free, naming who (personal, round robin).</summary>
    AnyMember,

    /// <summary>A slot is offered only when every member is free (collective).</summary>
    AllMembers,
}
