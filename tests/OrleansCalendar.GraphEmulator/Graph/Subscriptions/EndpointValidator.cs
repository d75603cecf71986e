using System.Net.Http.Headers;
using OrleansCalendar.GraphEmulator.Graph.Common;

namespace OrleansCalendar.GraphEmulator.Graph.Subscriptions;

/// <summary>
/// The validation handshake Graph does before it accepts a notification URL: POST
/// <c>?validationToken=...</c>, expect 200 <c>text/plain</c> echoing the token within the timeout.
/// </summary>
internal sealed class EndpointValidator(HttpClient http, GraphEmulatorOptions options)
{
    public async Task ValidateAsync(string url, CancellationToken cancellationToken)
    {
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}{separator}validationToken={Uri.EscapeDataString(token)}")
        {
            Content = new StringContent(string.Empty, MediaTypeHeaderValue.Parse("text/plain; charset=utf-8")),
        };
        request.Headers.Accept.ParseAdd("text/plain");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.SubscriptionValidationTimeout);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphErrorException(400, "InvalidRequest", "Subscription validation request timed out.");
        }
        catch (HttpRequestException exception)
        {
            throw new GraphErrorException(400, "ValidationError",
                $"Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. ({exception.Message})");
        }

        using (response)
        {
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                throw new GraphErrorException(400, "ValidationError",
                    "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.");
            }

            if (!string.Equals(response.Content.Headers.ContentType?.MediaType, "text/plain", StringComparison.OrdinalIgnoreCase) ||
                !string.Equals(body, token, StringComparison.Ordinal))
            {
                throw new GraphErrorException(400, "InvalidRequest",
                    "Subscription validation request failed. Response must exactly match validationToken query parameter.");
            }
        }
    }
}
