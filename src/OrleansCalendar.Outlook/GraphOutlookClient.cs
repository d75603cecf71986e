using CultureInfo = System.Globalization.CultureInfo;
using DateTimeStyles = System.Globalization.DateTimeStyles;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OrleansCalendar.Outlook;

/// <summary>The product's Graph calls through the Microsoft Graph SDK, one bounded attempt each, limited per mailbox.</summary>
public sealed class GraphOutlookClient(GraphHttpClientProvider httpClients, IOptions<OutlookOptions> options) : IOutlookGraph
{
    private static readonly string[] CalendarFields = ["id", "name", "canEdit", "isDefaultCalendar", "hexColor", "color", "owner"];

    public Task<OutlookAccount> GetAccountAsync(string mailboxKey, AccessTokenSource token, CancellationToken cancellationToken) =>
        CallAsync(mailboxKey, token, async client =>
        {
            var me = await client.Me.GetAsync(
                rc => rc.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName"],
                cancellationToken);
            return new OutlookAccount(me!.Id!, me.Mail ?? me.UserPrincipalName ?? "", me.DisplayName ?? "");
        });

    public Task<IReadOnlyList<OutlookCalendar>> ListCalendarsAsync(string mailboxKey, AccessTokenSource token, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<OutlookCalendar>>(mailboxKey, token, async client =>
        {
            var calendars = new List<OutlookCalendar>();
            var page = await client.Me.Calendars.GetAsync(
                rc =>
                {
                    rc.QueryParameters.Select = CalendarFields;
                    rc.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
                },
                cancellationToken);
            while (page is not null)
            {
                calendars.AddRange((page.Value ?? []).Select(ToCalendar));
                page = page.OdataNextLink is { } next
                    ? await client.Me.Calendars.WithUrl(next).GetAsync(rc => rc.Headers.Add("Prefer", "IdType=\"ImmutableId\""), cancellationToken)
                    : null;
            }

            return calendars;
        });

    public Task<OutlookDeltaPage> GetCalendarViewDeltaAsync(
        string mailboxKey, AccessTokenSource token, string calendarId, string? link, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        CallAsync(mailboxKey, token, async client =>
        {
            var delta = client.Me.Calendars[calendarId].CalendarView.Delta;
            var page = link is null
                ? await delta.GetAsDeltaGetResponseAsync(
                    rc =>
                    {
                        rc.QueryParameters.StartDateTime = start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                        rc.QueryParameters.EndDateTime = end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                        PreferUtcAndImmutableIds(rc.Headers);
                    },
                    cancellationToken)
                : await delta.WithUrl(link).GetAsDeltaGetResponseAsync(rc => PreferUtcAndImmutableIds(rc.Headers), cancellationToken);
            var items = (page?.Value ?? []).Select(ToEvent).ToList();
            return new OutlookDeltaPage(items, page?.OdataNextLink, page?.OdataDeltaLink);
        });

    public Task<OutlookEvent?> GetEventAsync(string mailboxKey, AccessTokenSource token, string eventId, CancellationToken cancellationToken) =>
        CallAsync(mailboxKey, token, async client =>
        {
            try
            {
                var item = await client.Me.Events[eventId].GetAsync(
                    rc =>
                    {
                        rc.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{AppointmentTag.PropertyId}')"];
                        PreferUtcAndImmutableIds(rc.Headers);
                    },
                    cancellationToken);
                return item is null ? null : ToEvent(item);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                return null;
            }
        });

    public Task<string> CreateEventAsync(string mailboxKey, AccessTokenSource token, string calendarId, OutlookEventDraft draft, CancellationToken cancellationToken) =>
        CallAsync(mailboxKey, token, async client =>
        {
            var created = await client.Me.Calendars[calendarId].Events.PostAsync(
                ToGraph(draft),
                rc => rc.Headers.Add("Prefer", "IdType=\"ImmutableId\""),
                cancellationToken);
            return created?.Id ?? throw new OutlookGraphException(null, null, "Graph created an event without returning its id.");
        });

    public Task<bool> UpdateEventAsync(string mailboxKey, AccessTokenSource token, string eventId, OutlookEventDraft draft, CancellationToken cancellationToken) =>
        CallAsync(mailboxKey, token, async client =>
        {
            try
            {
                var patch = ToGraph(draft);
                patch.TransactionId = null;
                patch.SingleValueExtendedProperties = null;
                await client.Me.Events[eventId].PatchAsync(patch, rc => rc.Headers.Add("Prefer", "IdType=\"ImmutableId\""), cancellationToken);
                return true;
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                return false;
            }
        });

    public Task DeleteEventAsync(string mailboxKey, AccessTokenSource token, string eventId, CancellationToken cancellationToken) =>
        CallAsync(mailboxKey, token, async client =>
        {
            try
            {
                await client.Me.Events[eventId].DeleteAsync(cancellationToken: cancellationToken);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                // Already gone: what a delete wants.
            }

            return true;
        });

    public Task<OutlookSubscription> CreateSubscriptionAsync(string mailboxKey, AccessTokenSource token, OutlookSubscriptionRequest request, CancellationToken cancellationToken) =>
        CallAsync(mailboxKey, token, async client =>
        {
            var created = await client.Subscriptions.PostAsync(
                new Subscription
                {
                    ChangeType = "created,updated,deleted",
                    Resource = $"me/calendars/{request.CalendarId}/events",
                    NotificationUrl = request.NotificationUrl.ToString(),
                    LifecycleNotificationUrl = request.LifecycleNotificationUrl?.ToString(),
                    ExpirationDateTime = request.ExpiresAt,
                    ClientState = request.ClientState,
                },
                cancellationToken: cancellationToken);
            return new OutlookSubscription(
                created?.Id ?? throw new OutlookGraphException(null, null, "Graph created a subscription without returning its id."),
                created.ExpirationDateTime ?? request.ExpiresAt);
        });

    public Task<OutlookSubscription?> RenewSubscriptionAsync(string mailboxKey, AccessTokenSource token, string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        CallAsync(mailboxKey, token, async client =>
        {
            try
            {
                var renewed = await client.Subscriptions[subscriptionId].PatchAsync(new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: cancellationToken);
                return new OutlookSubscription(subscriptionId, renewed?.ExpirationDateTime ?? expiresAt);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                return null;
            }
        });

    public Task DeleteSubscriptionAsync(string mailboxKey, AccessTokenSource token, string subscriptionId, CancellationToken cancellationToken) =>
        CallAsync(mailboxKey, token, async client =>
        {
            try
            {
                await client.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: cancellationToken);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                // Expired or removed by Graph already.
            }

            return true;
        });

    private static void PreferUtcAndImmutableIds(RequestHeaders headers)
    {
        headers.Add("Prefer", "outlook.timezone=\"UTC\"");
        headers.Add("Prefer", "IdType=\"ImmutableId\"");
    }

    private static Event ToGraph(OutlookEventDraft draft) => new()
    {
        Subject = draft.Subject,
        Body = new ItemBody { ContentType = BodyType.Text, Content = draft.Body },
        Start = new DateTimeTimeZone { DateTime = Wall(draft.Start), TimeZone = draft.TimeZone },
        End = new DateTimeTimeZone { DateTime = Wall(draft.End), TimeZone = draft.TimeZone },
        ShowAs = draft.ShowAs switch
        {
            "free" => FreeBusyStatus.Free,
            "tentative" => FreeBusyStatus.Tentative,
            _ => FreeBusyStatus.Busy,
        },
        IsReminderOn = false,
        TransactionId = draft.TransactionId,
        SingleValueExtendedProperties = draft.Tag is null
            ? null
            : [new SingleValueLegacyExtendedProperty { Id = AppointmentTag.PropertyId, Value = draft.Tag }],
    };

    private static string Wall(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    private static OutlookEvent ToEvent(Event e)
    {
        var id = e.Id ?? "";
        if (e.AdditionalData.ContainsKey("@removed"))
        {
            return new OutlookEvent(id, Removed: true);
        }

        return new OutlookEvent(id, Removed: false)
        {
            Subject = e.Subject,
            ShowAs = e.ShowAs is { } showAs ? Camel(showAs.ToString()) : null,
            Sensitivity = e.Sensitivity is { } sensitivity ? Camel(sensitivity.ToString()) : null,
            IsAllDay = e.IsAllDay ?? false,
            IsCancelled = e.IsCancelled ?? false,
            Type = e.Type is { } type ? Camel(type.ToString()) : null,
            Start = ParseWall(e.Start?.DateTime),
            StartTimeZone = e.Start?.TimeZone,
            End = ParseWall(e.End?.DateTime),
            EndTimeZone = e.End?.TimeZone,
            OriginalStartTimeZone = e.OriginalStartTimeZone,
            TransactionId = e.TransactionId,
            Tag = e.SingleValueExtendedProperties?.FirstOrDefault(p => string.Equals(p.Id, AppointmentTag.PropertyId, StringComparison.OrdinalIgnoreCase))?.Value,
        };
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static DateTime? ParseWall(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified)
            : null;

    private static OutlookCalendar ToCalendar(Calendar c) => new(
        c.Id!,
        c.Name ?? "",
        c.CanEdit ?? false,
        c.IsDefaultCalendar ?? false,
        c.HexColor is { Length: > 0 } hex ? hex : c.Color?.ToString(),
        c.Owner?.Name,
        c.Owner?.Address);

    private async Task<T> CallAsync<T>(string mailboxKey, AccessTokenSource token, Func<GraphServiceClient, Task<T>> call)
    {
        var baseUrl = options.Value.GraphBaseUrl;
        using var client = new GraphServiceClient(
            httpClients.Client,
            new BaseBearerTokenAuthenticationProvider(new GraphTokenProvider(token, baseUrl.Host)),
            baseUrl.ToString().TrimEnd('/'));
        try
        {
            return await MailboxConcurrencyLimiter.ForMailboxAsync(mailboxKey, () => call(client));
        }
        catch (ODataError e)
        {
            throw new OutlookGraphException(e.ResponseStatusCode, e.Error?.Code, $"Graph answered {e.ResponseStatusCode} {e.Error?.Code}: {e.Error?.Message}", RetryAfter(e), e);
        }
        catch (ApiException e)
        {
            throw new OutlookGraphException(e.ResponseStatusCode, null, $"Graph answered {e.ResponseStatusCode}.", RetryAfter(e), e);
        }
        catch (HttpRequestException e)
        {
            throw new OutlookGraphException(null, null, "Graph did not answer: " + e.Message, null, e);
        }
        catch (Exception e) when (e is OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            // The request's own timeout, or the caller's deadline: either way Graph did not answer in time.
            throw new OutlookGraphException(null, null, "Graph did not answer in time.", null, e);
        }
    }

    private static TimeSpan? RetryAfter(ApiException e) =>
        e.ResponseHeaders.TryGetValue("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
