namespace OrleansCalendar.Domain.Scheduling;

public enum SlotMode
{
    /// <summary>A slot is offered when at least one member is free (personal, round robin).</summary>
    AnyMember,

    /// <summary>A slot is offered only when every member is free (collective).</summary>
    AllMembers,
}
