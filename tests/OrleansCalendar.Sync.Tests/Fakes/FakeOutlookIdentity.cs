using OrleansCalendar.Outlook;

namespace OrleansCalendar.Sync.Tests.Fakes;

/// <summary>The identity platform for unit tests: every refresh rotates both tokens; a grant can die or the platform stop answering.</summary>
public sealed class FakeOutlookIdentity(TimeProvider clock) : IOutlookIdentity
{
    private int _issued;

    public List<string> RedeemedRefreshTokens { get; } = [];

    public OutlookAuthFailure? FailWith { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    public Uri AuthorizationUrl(AuthorizationRequest request) => new($"https://login.example/authorize?state={request.State}");

    public Task<TokenGrant> RedeemCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken) => IssueAsync();

    public Task<TokenGrant> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        RedeemedRefreshTokens.Add(refreshToken);
        return IssueAsync();
    }

    public TokenGrant Issue()
    {
        _issued++;
        return new TokenGrant($"access-{_issued}", $"refresh-{_issued}", clock.GetUtcNow() + Lifetime, ["Calendars.ReadWrite", "offline_access"]);
    }

    private Task<TokenGrant> IssueAsync() => FailWith is { } failure
        ? Task.FromException<TokenGrant>(new OutlookAuthException(failure, failure == OutlookAuthFailure.ReconnectRequired ? "invalid_grant" : null,
            failure == OutlookAuthFailure.ReconnectRequired ? "invalid_grant: AADSTS50173: The grant was revoked." : "The Microsoft identity platform did not answer."))
        : Task.FromResult(Issue());
}
