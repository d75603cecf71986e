using OrleansCalendar.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Abstractions.SubAccounts;
using OrleansCalendar.Abstractions.Users;
using OrleansCalendar.Server.Auth;
using OrleansCalendar.Server.Http;
using OrleansCalendar.Server.SubAccounts;

namespace OrleansCalendar.Server.Users;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = SubAccountRoutes.Group(routes, "/users").WithTags("Users");

        users.MapPost("/", CreateAsync)
            .WithName("CreateUser")
            .WithSummary("Add a user to a sub-account")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        users.MapGet("/", ListAsync)
            .WithName("ListUsers")
            .WithSummary("List the users of a sub-account")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        users.MapGet("/{uid}", GetAsync)
            .WithName("GetUser")
            .WithSummary("Get a user")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Created<UserResponse>> CreateAsync(string sid, CreateUserRequest request, IGrainFactory grains)
    {
        var subAccount = grains.GetGrain<ISubAccountGrain>(sid);
        var validator = new RequestValidator();
        var name = validator.RequiredText("name", request.Name, 200);
        var email = validator.RequiredEmail("email", request.Email);
        var zoneId = request.TimeZone is null
            ? (await subAccount.GetAsync())!.TimeZone
            : validator.RequiredTimeZone("timeZone", request.TimeZone)?.Id;
        validator.ThrowIfInvalid();

        var user = await subAccount.CreateUserAsync(new CreateUser(Ids.New(Ids.UserPrefix), name, email, zoneId!));
        return TypedResults.Created($"/v1/subaccounts/{sid}/users/{user.Id}", UserResponse.From(user));
    }

    private static async Task<Ok<Page<UserResponse>>> ListAsync(string sid, int? limit, string? cursor, IGrainFactory grains)
    {
        var page = PageRequest.Parse(limit, cursor);
        var users = await grains.GetGrain<ISubAccountGrain>(sid).ListUsersAsync(page.After, page.Limit + 1);
        return TypedResults.Ok(page.ToPage(users, u => u.Id, UserResponse.From));
    }

    private static async Task<Ok<UserResponse>> GetAsync(string sid, string uid, IGrainFactory grains)
    {
        return TypedResults.Ok(UserResponse.From(await UserRoutes.FindUserAsync(grains, sid, uid)));
    }
}
