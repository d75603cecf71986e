using OrleansCalendar.Abstractions.Connections;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Outlook;

namespace OrleansCalendar.Sync.Tests;

public sealed class TokenSessionTests
{
    [Fact]
    public async Task The_access_token_is_refreshed_five_minutes_before_it_expires_and_the_rotated_refresh_token_is_used_next()
    {
        var h = new Harness();
        h.Clock.Advance(TimeSpan.FromMinutes(54));

        Assert.Equal("access-1", await h.Tokens.AccessTokenAsync(h.State, CancellationToken.None));
        Assert.Empty(h.Identity.RedeemedRefreshTokens);
        Assert.False(h.Tokens.TakeChanged());

        h.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("access-2", await h.Tokens.AccessTokenAsync(h.State, CancellationToken.None));
        Assert.True(h.Tokens.TakeChanged());

        h.Clock.Advance(TimeSpan.FromMinutes(56));
        Assert.Equal("access-3", await h.Tokens.AccessTokenAsync(h.State, CancellationToken.None));
        Assert.Equal(["refresh-1", "refresh-2"], h.Identity.RedeemedRefreshTokens);
        Assert.Equal("protected:refresh-3", h.State.ProtectedRefreshToken);
    }

    [Fact]
    public async Task A_dead_grant_needs_a_reconnect_and_the_access_token_is_forgotten()
    {
        var h = new Harness();
        h.Clock.Advance(TimeSpan.FromHours(1));
        h.Identity.FailWith = OutlookAuthFailure.ReconnectRequired;

        var error = await Assert.ThrowsAsync<CalendarException>(() => h.Tokens.AccessTokenAsync(h.State, CancellationToken.None));

        Assert.Equal(ErrorCodes.NeedsReconnect, error.Code);
        Assert.Equal(ConnectionStatus.NeedsReconnect, h.State.Status);
        Assert.Contains("AADSTS50173", h.State.LastError, StringComparison.Ordinal);
        Assert.Equal("", h.State.ProtectedAccessToken);
        Assert.True(h.Tokens.TakeChanged());
    }

    [Fact]
    public async Task An_identity_platform_that_does_not_answer_is_outlook_unavailable_and_the_connection_stays()
    {
        var h = new Harness();
        h.Clock.Advance(TimeSpan.FromHours(1));
        h.Identity.FailWith = OutlookAuthFailure.Unavailable;

        var error = await Assert.ThrowsAsync<CalendarException>(() => h.Tokens.AccessTokenAsync(h.State, CancellationToken.None));

        Assert.Equal(ErrorCodes.OutlookUnavailable, error.Code);
        Assert.Equal(ConnectionStatus.Connected, h.State.Status);
        Assert.StartsWith("Refreshing the Outlook token failed", h.State.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_the_key_ring_cannot_read_need_a_reconnect()
    {
        var h = new Harness();
        h.State.ProtectedAccessToken = "written-with-a-lost-key-ring";

        var error = await Assert.ThrowsAsync<CalendarException>(() => h.Tokens.AccessTokenAsync(h.State, CancellationToken.None));

        Assert.Equal(ErrorCodes.NeedsReconnect, error.Code);
        Assert.Contains("key ring", h.State.LastError, StringComparison.Ordinal);
    }
}
