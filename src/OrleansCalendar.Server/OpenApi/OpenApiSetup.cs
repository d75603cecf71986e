using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using OrleansCalendar.Server.Events;

namespace OrleansCalendar.Server.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    private const string BearerScheme = "apiKey";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Sub-accounts"] = "Business tenants and their API keys.",
        ["Users"] = "People of a sub-account who can be booked.",
        ["Booking calendars"] = "Booking rules: members, hours, durations, buffers, notice and window; free slots.",
        ["Appointments"] = "Bookings, reschedules and cancellations. Never double-booked.",
        ["Availability"] = "Busy time per user from appointments and Outlook.",
        ["Public booking"] = "Booking pages and widgets: no API key, rate-limited, nothing about who is busy.",
        ["Outlook connection"] = "Connecting a user's Outlook calendars through Microsoft Graph.",
        ["Webhooks"] = "Microsoft Graph change notifications.",
        ["Event webhooks"] = "Signed notifications (Standard Webhooks) of every booking and connection change, to the sub-account's own endpoints.",
        ["Operations"] = "Health endpoints for load balancers and orchestrators.",
    };

    public static IServiceCollection AddCalendarOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "OrleansCalendar API",
                    Version = "v1",
                    Description = "Booking calendars with Outlook (Microsoft 365) calendar sync. " +
                        "Authenticate with 'Authorization: Bearer <key>': the admin key, or a sub-account key.",
                    License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
                };
                document.Servers = [new OpenApiServer { Url = "/", Description = "This server" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The admin key or a sub-account key.",
                };
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                {
                    if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
                    {
                        tag.Description = description;
                    }
                }

                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];

                ProblemSchema.AddTo(document);
                RequiredMembers.Apply(document, typeof(OpenApiSetup).Assembly);

                return Task.CompletedTask;
            });

            o.AddSchemaTransformer<CalendarSchemaTransformer>();
            o.AddOperationTransformer<StandardResponsesTransformer>();
            o.AddOperationTransformer<OpenApiExamples>();

            // Anonymous routes (health, OAuth callback, webhooks, public booking) must say so in the document.
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [];
                }

                return Task.CompletedTask;
            });
            o.AddEventWebhookDocs();
        });
        return services;
    }

    public static WebApplication MapCalendarOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.SwaggerEndpoint($"/openapi/{DocumentName}.json", "OrleansCalendar v1");
            o.DocumentTitle = "OrleansCalendar API";
        });
        return app;
    }
}
