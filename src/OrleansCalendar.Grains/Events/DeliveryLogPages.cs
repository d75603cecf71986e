using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Events;

namespace OrleansCalendar.Grains.Events;

/// <summary>
/// Where an endpoint's finished deliveries are logged: in pages of at most <see cref="Capacity"/> deliveries per
/// creation day, so that writing the log costs the same however many deliveries a day brings (a page per day grew
/// with the day's traffic and every write rewrote all of it). A delivery's id spells its day and page, so a retry by
/// id goes straight to its page.
/// </summary>
public static class DeliveryLogPages
{
    public const int Capacity = 200;

    private const int PageDigits = 4;
    private const int DayDigits = 3;
    private static readonly int Epoch = new DateOnly(2020, 1, 1).DayNumber;

    /// <summary>The id of a delivery created on <paramref name="day"/>, the <paramref name="ordinal"/>-th (from 0) of that day.</summary>
    public static string NewId(DateOnly day, int ordinal) =>
        Ids.New(WebhookDelivery.IdPrefix, ((long)(day.DayNumber - Epoch) << (5 * PageDigits)) | (long)(ordinal / Capacity), DayDigits + PageDigits);

    /// <summary>The day and page of a delivery id made by <see cref="NewId"/>, or null for any other id.</summary>
    public static (DateOnly Day, int Page)? Locate(string deliveryId)
    {
        if (Ids.LeadingValue(deliveryId, WebhookDelivery.IdPrefix, DayDigits + PageDigits) is not { } value)
        {
            return null;
        }

        return (DateOnly.FromDayNumber(Epoch + (int)(value >> (5 * PageDigits))), (int)(value & ((1L << (5 * PageDigits)) - 1)));
    }

    /// <summary>The pages a day with <paramref name="created"/> deliveries uses.</summary>
    public static int PagesOf(int created) => (created + Capacity - 1) / Capacity;
}
