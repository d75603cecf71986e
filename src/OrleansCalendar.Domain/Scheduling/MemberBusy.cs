namespace OrleansCalendar.Domain.Scheduling;

/// <summary>The busy items of one owner (a member, or the calendar itself when it has none) around the explained day.</summary>
public sealed record MemberBusy(string OwnerId, IReadOnlyList<BusyItem> Items);
