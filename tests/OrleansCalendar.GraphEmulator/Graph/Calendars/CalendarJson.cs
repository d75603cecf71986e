using System.Text.Json.Nodes;

namespace OrleansCalendar.GraphEmulator.Graph.Calendars;

/// <summary>Graph's <c>calendar</c> resource.</summary>
internal static class CalendarJson
{
    public static JsonObject Write(CalendarData calendar) => new()
    {
        ["@odata.etag"] = $"W/\"{calendar.ChangeKey}\"",
        ["id"] = calendar.Id,
        ["name"] = calendar.Name,
        ["color"] = calendar.Color,
        ["hexColor"] = CalendarColors.HexOf(calendar.Color),
        ["groupClassId"] = "0006f0b7-0000-0000-c000-000000000046",
        ["isDefaultCalendar"] = calendar.IsDefault,
        ["changeKey"] = calendar.ChangeKey,
        ["canShare"] = calendar.CanShare,
        ["canViewPrivateItems"] = calendar.CanViewPrivateItems,
        ["canEdit"] = calendar.CanEdit,
        ["isRemovable"] = !calendar.IsDefault,
        ["isTallyingResponses"] = calendar.CanEdit,
        ["allowedOnlineMeetingProviders"] = new JsonArray("teamsForBusiness"),
        ["defaultOnlineMeetingProvider"] = "teamsForBusiness",
        ["owner"] = new JsonObject
        {
            ["name"] = calendar.OwnerName,
            ["address"] = calendar.OwnerAddress,
        },
    };
}
