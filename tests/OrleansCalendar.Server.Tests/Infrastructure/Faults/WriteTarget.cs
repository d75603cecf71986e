namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>One write to grain storage: the record's state name and the grain id (type, then key).</summary>
public sealed record WriteTarget(string StateName, string GrainId)
{
    public override string ToString() => $"'{StateName}' of {GrainId}";
}
