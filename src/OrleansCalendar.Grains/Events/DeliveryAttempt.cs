namespace OrleansCalendar.Grains.Events;

/// <summary>The outcome of one attempt: a 2xx in time, or the status code and a short reason.</summary>
public sealed record DeliveryAttempt(bool Succeeded, int? StatusCode, string? Error);
