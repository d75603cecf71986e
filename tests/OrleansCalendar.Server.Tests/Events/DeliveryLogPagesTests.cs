using OrleansCalendar.Abstractions;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Events;

namespace OrleansCalendar.Server.Tests.Events;

/// <summary>A delivery's id names its log page: the id keeps the usual shape, and a day's deliveries fill pages in order.</summary>
public sealed class DeliveryLogPagesTests
{
    [Theory]
    [InlineData(2020, 1, 1, 0)]
    [InlineData(2026, 12, 1, 0)]
    [InlineData(2026, 12, 1, DeliveryLogPages.Capacity - 1)]
    [InlineData(2026, 12, 1, DeliveryLogPages.Capacity)]
    [InlineData(2099, 2, 28, 150_000_000)]
    public void An_id_is_well_formed_and_names_its_day_and_page(int year, int month, int day, int ordinal)
    {
        var date = new DateOnly(year, month, day);

        var id = DeliveryLogPages.NewId(date, ordinal);

        Assert.True(Ids.IsWellFormed(id, WebhookDelivery.IdPrefix), id);
        Assert.Equal((date, ordinal / DeliveryLogPages.Capacity), DeliveryLogPages.Locate(id));
        Assert.NotEqual(id, DeliveryLogPages.NewId(date, ordinal));
    }

    [Fact]
    public void Ids_of_another_shape_name_no_page()
    {
        Assert.Null(DeliveryLogPages.Locate("dlv_short"));
        Assert.Null(DeliveryLogPages.Locate("apt_aaaaaaaaaaaaaaaaaaaa"));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(DeliveryLogPages.Capacity, 1)]
    [InlineData(DeliveryLogPages.Capacity + 1, 2)]
    public void A_day_uses_as_many_pages_as_its_deliveries_fill(int created, int pages) =>
        Assert.Equal(pages, DeliveryLogPages.PagesOf(created));
}
