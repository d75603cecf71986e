namespace OrleansCalendar.Abstractions.Events;

/// <summary>Who made an appointment change, as <c>data.changedBy</c> of appointment events says.</summary>
public static class ChangedBy
{
    /// <summary>A caller of the REST API with a key.</summary>
    public const string Api = "api";

    /// <summary>A visitor of the public booking routes.</summary>
    public const string Public = "public";

    /// <summary>Two-way sync: the member moved or deleted the Outlook copy.</summary>
    public const string Outlook = "outlook";
}
