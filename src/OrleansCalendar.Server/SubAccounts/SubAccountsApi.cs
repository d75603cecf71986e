using OrleansCalendar.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions.Errors;
using OrleansCalendar.Abstractions.SubAccounts;
using OrleansCalendar.Server.Auth;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.Observability;

namespace OrleansCalendar.Server.SubAccounts;

public static class SubAccountsApi
{
    public static IEndpointRouteBuilder MapSubAccountsApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/v1/subaccounts")
            .WithTags("Sub-accounts")
            .RequireAuthorization(CallerClaims.AdminPolicy);

        admin.MapPost("/", CreateAsync)
            .WithName("CreateSubAccount")
            .WithSummary("Create a sub-account (admin key)")
            .WithDescription("Creates a business tenant and returns its API key. The key is shown once; store it.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        SubAccountRoutes.Group(routes).WithTags("Sub-accounts").MapGet("/", GetAsync)
            .WithName("GetSubAccount")
            .WithSummary("Get a sub-account")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Created<CreatedSubAccountResponse>> CreateAsync(CreateSubAccountRequest request, IGrainFactory grains, CalendarTelemetry telemetry)
    {
        var validator = new RequestValidator();
        var name = validator.RequiredText("name", request.Name, 200);
        var zone = validator.RequiredTimeZone("timeZone", request.TimeZone);
        validator.ThrowIfInvalid();

        var id = Ids.New(Ids.SubAccountPrefix);
        var apiKey = ApiKeys.Generate(id);
        var created = await grains.GetGrain<ISubAccountGrain>(id).CreateAsync(new CreateSubAccount(name, zone!.Id, ApiKeys.Hash(apiKey)));
        telemetry.SubAccountsCreated.Add(1);
        return TypedResults.Created(
            $"/v1/subaccounts/{id}",
            new CreatedSubAccountResponse(created.Id, created.Name, created.TimeZone, ResponseTimes.Utc(created.CreatedAt), apiKey));
    }

    private static async Task<Ok<SubAccountResponse>> GetAsync(string sid, IGrainFactory grains)
    {
        var details = await grains.GetGrain<ISubAccountGrain>(sid).GetAsync()
            ?? throw CalendarException.NotFound(ErrorCodes.SubAccountNotFound, "The sub-account does not exist.");
        return TypedResults.Ok(SubAccountResponse.From(details));
    }
}
