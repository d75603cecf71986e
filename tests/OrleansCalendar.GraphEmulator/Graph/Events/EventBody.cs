namespace OrleansCalendar.GraphEmulator.Graph.Events;

/// <summary>Graph's <c>itemBody</c>.</summary>
internal sealed record EventBody(string ContentType, string Content)
{
    public static EventBody Empty { get; } = new("html", string.Empty);
}
