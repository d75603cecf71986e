namespace OrleansCalendar.Abstractions.Errors;

/// <summary>The stable error codes of the public contract. Clients switch on these, so never rename one.</summary>
public static class ErrorCodes
{
    public const string Unauthorized = "unauthorized";
    public const string AdminKeyRequired = "admin-key-required";
    public const string ValidationFailed = "validation-failed";
    public const string MalformedJson = "malformed-json";
    public const string MalformedRequest = "malformed-request";
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string PayloadTooLarge = "payload-too-large";
    public const string RateLimited = "rate-limited";
    public const string InternalError = "internal-error";
    public const string TemporarilyUnavailable = "temporarily-unavailable";
    public const string SubAccountNotFound = "subaccount-not-found";
    public const string SubAccountExists = "subaccount-exists";
    public const string UserNotFound = "user-not-found";
    public const string UserExists = "user-exists";
    public const string EmailInUse = "email-in-use";
    public const string InvalidCursor = "invalid-cursor";
    public const string CalendarNotFound = "calendar-not-found";
    public const string CalendarExists = "calendar-exists";
    public const string AppointmentNotFound = "appointment-not-found";
    public const string AppointmentExists = "appointment-exists";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string AppointmentCancelled = "appointment-cancelled";
    public const string SlotUnavailable = "slot-unavailable";
    public const string OutsideAvailability = "outside-availability";
    public const string RangeTooLarge = "range-too-large";
    public const string NotACalendarMember = "not-a-calendar-member";
    public const string OutlookNotConfigured = "outlook-not-configured";
    public const string IntegrationExists = "integration-exists";
    public const string AccountInUse = "account-in-use";
    public const string InvalidState = "invalid-state";
    public const string ConnectionNotFound = "connection-not-found";
    public const string NeedsReconnect = "needs-reconnect";
    public const string OutlookUnavailable = "outlook-unavailable";
    public const string OutlookRejected = "outlook-rejected";
    public const string LinkedCalendarReadOnly = "linked-calendar-read-only";
    public const string UnknownCalendar = "unknown-calendar";
    public const string InvalidNotification = "invalid-notification";
    public const string OutlookUnsupportedForEventCalendars = "outlook-unsupported-for-event-calendars";
    public const string EndpointNotAllowed = "endpoint-not-allowed";
    public const string WebhookEndpointNotFound = "webhook-endpoint-not-found";
    public const string EndpointLimitReached = "endpoint-limit-reached";
    public const string EndpointDisabled = "endpoint-disabled";
    public const string DeliveryNotFound = "delivery-not-found";
    public const string DeliveryNotRetryable = "delivery-not-retryable";
}
