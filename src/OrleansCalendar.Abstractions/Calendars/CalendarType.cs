namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>How a booking calendar assigns people to appointments.</summary>
public enum CalendarType
{
    /// <summary>Exactly one user; every booking is theirs.</summary>
    Personal,

    /// <summary>A booking goes to one free member, spread evenly over time.</summary>
    RoundRobin,

    /// <summary>Every member must be free; the booking lands on every member.</summary>
    Collective,

    /// <summary>Not tied to a person's Outlook: never pushed, ignores Outlook busy time.</summary>
    Event,
}
