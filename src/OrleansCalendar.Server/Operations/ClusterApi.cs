using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCalendar.Server.Auth;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Operations;

/// <summary><c>GET /v1/cluster</c> (admin key): the silos of the cluster as membership sees them, with what each hosts.</summary>
public static class ClusterApi
{
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/cluster", GetAsync)
            .WithTags("Operations")
            .RequireAuthorization(CallerClaims.AdminPolicy)
            .WithName("GetCluster")
            .WithSummary("The cluster's silos and their activations (admin key)")
            .WithDescription("Membership as this silo sees it. Dead silos stay listed until membership cleans them up.")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return routes;
    }

    private static async Task<Ok<ClusterResponse>> GetAsync(IGrainFactory grains, ILocalSiloDetails localSilo)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetSimpleGrainStatistics(active);
        var silos = hosts
            .OrderBy(h => h.StartTime)
            .Select(h => new SiloResponse(
                h.SiloAddress.ToString(),
                h.SiloName,
                ToCamelCase(h.Status.ToString()),
                new DateTimeOffset(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc)),
                h.SiloAddress.Equals(localSilo.SiloAddress),
                statistics.Where(s => s.SiloAddress.Equals(h.SiloAddress))
                    .GroupBy(s => ShortTypeName(s.GrainType))
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount))))
            .ToList();
        return TypedResults.Ok(new ClusterResponse(silos));
    }

    private static string ToCamelCase(string value) => char.ToLowerInvariant(value[0]) + value[1..];

    /// <summary>"OrleansCalendar.Grains.Connections.OutlookIntegrationGrain,OrleansCalendar.Grains" → "OutlookIntegrationGrain".</summary>
    private static string ShortTypeName(string grainType)
    {
        var name = grainType.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
