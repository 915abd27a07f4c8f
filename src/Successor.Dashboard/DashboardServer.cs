// `successor serve`: ASP.NET Core with the page's static files and the JSON API. Every request opens the
// ledger afresh and reads it, so the server holds no state a lab's writes could make stale, and it can run
// beside a running lab or on another machine sharing a PostgreSQL ledger.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Successor.Dashboard.Api;

namespace Successor.Dashboard;

public static class DashboardServer
{
    public static WebApplication Build(DashboardOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options);
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        var app = builder.Build();
        var files = new PhysicalFileProvider(app.Environment.WebRootPath);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        ReadEndpoints.Map(app, options);
        ChangeEndpoints.Map(app, options);
        EventStream.Map(app, options);
        TrendEndpoints.Map(app, options);
        HistoryEndpoint.Map(app, options);
        return app;
    }
}
