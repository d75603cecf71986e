using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OrleansCalendar.Outlook;

/// <summary>The product's Graph calls through the Microsoft Graph SDK, on the resilient, limited HTTP pipeline.</summary>
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
        catch (TaskCanceledException e)
        {
            throw new OutlookGraphException(null, null, "Graph did not answer in time.", null, e);
        }
    }

    private static TimeSpan? RetryAfter(ApiException e) =>
        e.ResponseHeaders.TryGetValue("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
