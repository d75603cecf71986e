namespace OrleansCalendar.Domain.Scheduling;

/// <summary>One member's answer for a list of candidate slots: <c>Free[j]</c> is true when candidate j is free.</summary>
public sealed record MemberFreedom(string UserId, bool[] Free);
