using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OrleansCalendar.GraphEmulator.Tests.Support;

/// <summary>The real Graph SDK v5, with its default middleware, pointed at an emulator.</summary>
internal static class GraphClients
{
    public static GraphServiceClient Create(GraphEmulatorServer emulator, string accessToken)
    {
        var http = GraphClientFactory.Create();
        var tokens = new StaticTokenProvider(accessToken, emulator.BaseUrl.Host);
        return new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(tokens), emulator.GraphBaseUrl);
    }

    /// <summary>A client for a new mailbox with full calendar access.</summary>
    public static (GraphServiceClient Client, Control.EmulatedMailbox Mailbox) ForNewMailbox(
        GraphEmulatorServer emulator, string email = "adele@contoso.test", IEnumerable<string>? scopes = null)
    {
        var mailbox = emulator.Control.AddMailbox(email, "Adele Vance");
        var tokens = emulator.Control.IssueTokens(mailbox.Id, scopes);
        return (Create(emulator, tokens.AccessToken), mailbox);
    }
}
