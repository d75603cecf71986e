namespace OrleansCalendar.Server.Http;

public static class EndpointConventions
{
    /// <summary>Documents the problem+json responses an endpoint can give.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        // One problem schema for every status (its `errors` is there on validation failures), so clients catch one type.
        foreach (var status in statusCodes)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
