namespace OrleansCalendar.Server.Tests.Infrastructure.Faults;

/// <summary>How an injected storage fault looks to the grain.</summary>
public enum FaultKind
{
    /// <summary>The write fails and storage keeps what it had (storage down or full).</summary>
    BeforeWrite,

    /// <summary>The write reaches storage, then fails on the way back (a lost answer): the grain cannot tell.</summary>
    AfterWrite,
}
