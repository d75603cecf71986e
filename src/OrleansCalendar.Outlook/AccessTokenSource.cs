namespace OrleansCalendar.Outlook;

/// <summary>Gives a valid access token for the mailbox, refreshing it when needed. Called for every Graph request.</summary>
public delegate Task<string> AccessTokenSource(CancellationToken cancellationToken);
