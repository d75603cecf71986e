namespace OrleansCalendar.Abstractions.Events;

public enum DeliveryStatus
{
    /// <summary>Not yet delivered: waiting for its first attempt, or for a retry.</summary>
    Pending,

    Succeeded,

    /// <summary>Every attempt of the retry schedule failed (or the endpoint was disabled); can be retried by hand.</summary>
    Failed,
}
