namespace OrleansCalendar.Abstractions.Connections;

/// <summary>How a connection imports and pushes. The defaults are the product's defaults.</summary>
[GenerateSerializer, Immutable]
public sealed record SyncPreferences(
    [property: Id(0)] bool LinkedCalendarIsConflict,
    [property: Id(1)] IReadOnlyList<string> BlockingShowAs,
    [property: Id(2)] SyncDirection Direction,
    [property: Id(3)] bool ImportEventDetails,
    [property: Id(4)] CancelBehavior OnCancel)
{
    /// <summary>Outlook <c>showAs</c> values that may block availability.</summary>
    public static readonly IReadOnlyList<string> ShowAsValues = ["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"];

    /// <summary>A new instance every time, so that nothing that fills objects in place can change the defaults of others.</summary>
    public static SyncPreferences Default => new(true, ["busy", "tentative", "oof"], SyncDirection.OneWay, false, CancelBehavior.Delete);
}
