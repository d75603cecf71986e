namespace OrleansCalendar.Server.WebConsole;

/// <summary>
/// The web console (<c>/console</c>: Settings → Connections, Calendar configuration) and the public booking page
/// (<c>/book/{calendarId}</c>): static pages from <c>wwwroot</c> that use the public REST API like any client.
/// Everything they load is served from here; the content security policy allows nothing else.
/// </summary>
public static class WebConsoleSetup
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = c => Harden(c.Context.Response) });

        // nonfile: /console/app.js and /book/book.js stay static files; other paths there are the pages.
        app.MapGet("/console/{**path:nonfile}", (IWebHostEnvironment environment, HttpContext context) => Page(environment, context, "console/index.html"))
            .ExcludeFromDescription();
        app.MapGet("/book/{calendarId:nonfile}", (IWebHostEnvironment environment, HttpContext context) => Page(environment, context, "book/index.html"))
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Page(IWebHostEnvironment environment, HttpContext context, string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists || file.PhysicalPath is null)
        {
            return Results.NotFound();
        }

        Harden(context.Response);
        context.Response.Headers.CacheControl = "no-cache";
        return Results.File(file.PhysicalPath, "text/html; charset=utf-8");
    }

    private static void Harden(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
