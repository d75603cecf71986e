using OrleansCalendar.Domain.Scheduling;
using Xunit;

namespace OrleansCalendar.Domain.Tests.Scheduling;

public sealed class RoundRobinTests
{
    private static readonly Dictionary<string, int> Counts = new() { ["b"] = 1, ["c"] = 0, ["a"] = 1, ["B"] = 1 };

    [Theory]
    [InlineData("c", "a", "b", "c")] // fewest bookings
    [InlineData("a", "b", "a")] // tie: smallest id
    [InlineData("B", "b", "a", "B")] // ordinal: upper case sorts first
    [InlineData("z", "z")]
    public void The_least_booked_member_wins_and_ties_go_to_the_smallest_id(string expected, params string[] free)
    {
        Assert.Equal(expected, RoundRobin.Pick(free, Counts));
    }

    [Fact]
    public void A_member_missing_from_the_counts_has_no_bookings()
    {
        Assert.Equal("zed", RoundRobin.Pick(["a", "zed"], Counts));
    }

    [Fact]
    public void The_pick_does_not_depend_on_the_order_of_the_free_members()
    {
        Assert.Equal(RoundRobin.Pick(["b", "a", "B"], Counts), RoundRobin.Pick(["B", "a", "b"], Counts));
    }

    [Fact]
    public void Picking_from_nobody_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => RoundRobin.Pick([], Counts));
    }
}
