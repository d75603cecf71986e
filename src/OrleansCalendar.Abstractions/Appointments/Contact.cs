namespace OrleansCalendar.Abstractions.Appointments;

/// <summary>The person who booked.</summary>
[GenerateSerializer, Immutable]
public sealed record Contact(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone);
