using DanVan.Infrastructure;

if (args.Length > 0 && Cli.IsVerb(args[0]))
{
    return await Cli.RunAsync(args);
}

var app = DanVanApp.Build(args);
var seedDemo = app.Configuration.GetValue("Demo:Seed", true);
if (app.Configuration.GetValue("Database:AutoMigrate", true))
{
    await DanVanApp.PrepareDatabaseAsync(app.Services, seedDemo);
}

if (seedDemo)
{
    app.Lifetime.ApplicationStarted.Register(() => Cli.PrintDemoLogins(app.Urls));
}

await app.RunAsync();
return 0;

/// <summary>Lets the tests start the real app (WebApplicationFactory).</summary>
public partial class Program;
