using System.Diagnostics;

namespace OrleansCalendar.Server.Http;

public static class ProblemDetailsSetup
{
    /// <summary>Every error response is problem+json with a <c>code</c> and the trace id for support.</summary>
    public static IServiceCollection AddCalendarProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Extensions.TryAdd(ProblemFactory.CodeExtension, ProblemFactory.DefaultCode(status));
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<CalendarExceptionHandler>();
        return services;
    }
}
