namespace OrleansCalendar.Server.OpenApi;

/// <summary>
/// Marks a dictionary keyed by weekday name (<c>monday</c> … <c>sunday</c>): the document describes it as an object
/// with those seven optional properties, so clients get a typed week instead of a free-form map.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WeekdayKeysAttribute : Attribute
{
    public static IReadOnlyList<string> Days { get; } = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
}
