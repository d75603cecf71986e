using System.Reflection;
using OrleansCalendar.Abstractions.Errors;

namespace OrleansCalendar.Server.OpenApi;

/// <summary>What each error <c>code</c> means, as the OpenAPI document tells clients.</summary>
public static class ErrorCodeMeanings
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        [ErrorCodes.Unauthorized] = "401: no API key, or one the server does not know.",
        [ErrorCodes.AdminKeyRequired] = "403: the operation needs the admin key.",
        [ErrorCodes.ValidationFailed] = "400: one or more fields are invalid; `errors` names each field.",
        [ErrorCodes.MalformedJson] = "400: the body is not JSON of the expected shape (wrong type, unknown field); `errors` names the field.",
        [ErrorCodes.MalformedRequest] = "400: the request could not be read (for example a missing body).",
        [ErrorCodes.NotFound] = "404: no such route.",
        [ErrorCodes.MethodNotAllowed] = "405: the route does not take this method.",
        [ErrorCodes.UnsupportedMediaType] = "415: the body must be application/json.",
        [ErrorCodes.PayloadTooLarge] = "413: the body is too large.",
        [ErrorCodes.RateLimited] = "429: too many requests from this address; retry after `Retry-After` seconds.",
        [ErrorCodes.InternalError] = "500: the server failed; the failure is logged under `traceId`.",
        [ErrorCodes.TemporarilyUnavailable] = "503: storage is not answering or work is moving between servers; retry after `Retry-After` seconds.",
        [ErrorCodes.SubAccountNotFound] = "404: the sub-account does not exist or the key cannot reach it.",
        [ErrorCodes.SubAccountExists] = "409: a sub-account with this id exists already.",
        [ErrorCodes.UserNotFound] = "404: the user does not exist in this sub-account.",
        [ErrorCodes.UserExists] = "409: a user with this id exists already.",
        [ErrorCodes.EmailInUse] = "409: another user of this sub-account has this email address.",
        [ErrorCodes.InvalidCursor] = "400: the cursor is not the `nextCursor` of an earlier page.",
        [ErrorCodes.CalendarNotFound] = "404: the booking calendar does not exist (on public routes: or it takes no public bookings).",
        [ErrorCodes.CalendarExists] = "409: a calendar with this id exists already.",
        [ErrorCodes.AppointmentNotFound] = "404: the appointment does not exist on this calendar.",
        [ErrorCodes.AppointmentExists] = "409: an appointment with this id exists already.",
        [ErrorCodes.IdempotencyKeyReused] = "422: this `Idempotency-Key` was already used for a different booking.",
        [ErrorCodes.AppointmentCancelled] = "409: the appointment is cancelled and cannot be changed.",
        [ErrorCodes.SlotUnavailable] = "409: the time is no longer free (another appointment, or busy time in Outlook).",
        [ErrorCodes.OutsideAvailability] = "422: the time is outside the calendar's hours, minimum notice or booking window.",
        [ErrorCodes.RangeTooLarge] = "400: the date range is longer than the route allows.",
        [ErrorCodes.NotACalendarMember] = "422: the user is not a member of this calendar.",
        [ErrorCodes.OutlookNotConfigured] = "503: the server has no Outlook app registration configured.",
        [ErrorCodes.IntegrationExists] = "409: the user already has a connected Outlook integration.",
        [ErrorCodes.AccountInUse] = "409: this Outlook account is connected to another user.",
        [ErrorCodes.InvalidState] = "400: the sign-in link is unknown, expired or already used.",
        [ErrorCodes.ConnectionNotFound] = "404: the user has no Outlook connection.",
        [ErrorCodes.NeedsReconnect] = "409: the Outlook connection must be reconnected first.",
        [ErrorCodes.OutlookUnavailable] = "503: Outlook did not answer even after retries; try again later.",
        [ErrorCodes.OutlookRejected] = "400: Microsoft refused the authorization (for example an invalid or expired code).",
        [ErrorCodes.LinkedCalendarReadOnly] = "422: the linked calendar cannot be written (read-only connection or calendar).",
        [ErrorCodes.UnknownCalendar] = "422: a calendar id is not one of the Outlook account's calendars.",
        [ErrorCodes.InvalidNotification] = "400: the Graph notification body is malformed.",
        [ErrorCodes.OutlookUnsupportedForEventCalendars] = "422: event calendars cannot be linked to Outlook.",
        [ErrorCodes.EndpointNotAllowed] = "422: a webhook endpoint must be https and resolve to public addresses (not loopback, private, link-local or metadata).",
        [ErrorCodes.WebhookEndpointNotFound] = "404: the webhook endpoint does not exist in this sub-account.",
        [ErrorCodes.EndpointLimitReached] = "422: the sub-account has the most webhook endpoints it may have.",
        [ErrorCodes.EndpointDisabled] = "409: the webhook endpoint is disabled; enable it first.",
        [ErrorCodes.DeliveryNotFound] = "404: the delivery does not exist in this endpoint's delivery log.",
        [ErrorCodes.DeliveryNotRetryable] = "409: the delivery succeeded; only pending and failed deliveries can be sent again.",
    };

    /// <summary>Every code of <see cref="ErrorCodes"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Codes { get; } = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>The meaning of <paramref name="code"/>, or null for a code nobody described yet.</summary>
    public static string? Of(string code) => Meanings.GetValueOrDefault(code);
}
