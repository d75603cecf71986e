namespace OrleansCalendar.Server.WebConsole;

/// <summary>
/// The web console (<c>/console</c>: calendars, appointments, the availability troubleshooter, users, Outlook connections,
/// webhooks) and the public booking page
/// (<c>/book/{calendarId}</c>): static pages from <c>wwwroot</c> that use the public REST API like any client.
/// Everything they load is served from here; the content security policy allows nothing else.
/// </summary>
public static class WebConsoleSetup
{
    private const string Sources =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; ";

    private const string ContentSecurityPolicy = Sources + "frame-ancestors 'none'";

    /// <summary>Booking pages are made to be embedded in the business's own site (the console hands out an iframe snippet).</summary>
    private const string EmbeddableContentSecurityPolicy = Sources + "frame-ancestors *";

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = c => Harden(c.Context.Response, ContentSecurityPolicy) });

        // nonfile: /console/app.js and /book/book.js stay static files; other paths there are the pages.
        app.MapGet("/console/{**path:nonfile}", (IWebHostEnvironment environment, HttpContext context) => Page(environment, context, "console/index.html", ContentSecurityPolicy))
            .ExcludeFromDescription();
        app.MapGet("/book/{calendarId:nonfile}", (IWebHostEnvironment environment, HttpContext context) => Page(environment, context, "book/index.html", EmbeddableContentSecurityPolicy))
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Page(IWebHostEnvironment environment, HttpContext context, string path, string contentSecurityPolicy)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists || file.PhysicalPath is null)
        {
            return Results.NotFound();
        }

        Harden(context.Response, contentSecurityPolicy);
        context.Response.Headers.CacheControl = "no-cache";
        return Results.File(file.PhysicalPath, "text/html; charset=utf-8");
    }

    private static void Harden(HttpResponse response, string contentSecurityPolicy)
    {
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
