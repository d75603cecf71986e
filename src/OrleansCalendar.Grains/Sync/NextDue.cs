namespace OrleansCalendar.Grains.Sync;

/// <summary>
/// What the timer wakes for next: the earliest due work, Graph work never inside Graph's Retry-After, and nothing
/// before a failed turn's retry time.
/// </summary>
internal static class NextDue
{
    /// <summary>The instant to wake at, or null when there is nothing to wake for.</summary>
    public static DateTimeOffset? At(DueInputs inputs, DateTimeOffset now)
    {
        DateTimeOffset? due = inputs.HousekeepingOwed ? now : null;
        if (inputs.Connected)
        {
            var graphWork = Earliest(Earliest(Earliest(inputs.NextPollAt, inputs.NextPullAt), inputs.NextSubscriptionWorkAt), inputs.NextPushAt);
            var allowed = graphWork > inputs.GraphQuietUntil ? graphWork : inputs.GraphQuietUntil;
            due = Earliest(allowed, due);
        }

        return due is { } at && at < inputs.RetryAt ? inputs.RetryAt : due;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;
}
