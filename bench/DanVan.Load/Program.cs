using DanVan.Load;

// dotnet DanVan.Load.dll run    --base-url http://127.0.0.1:PORT --pg "Host=…" [--clients 8] [--warmup 3] [--duration 20] [--only a,b] [--data LABEL] --out load.json
// dotnet DanVan.Load.dll report --load load.json --scale S [--machine F] [--commands F] [--micro F] [--peak-kb N] [--history DIR] --out-md F --out-json F
// bench/run.sh calls both; see bench/README.md.
try
{
    return args.FirstOrDefault() switch
    {
        "run" => await LoadRun.RunAsync(new Options(args.Skip(1))),
        "report" => await Report.WriteAsync(new Options(args.Skip(1))),
        _ => Usage(),
    };
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or HttpRequestException or Npgsql.NpgsqlException or IOException or FormatException)
{
    await Console.Error.WriteLineAsync("DanVan.Load: " + ex.Message);
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: DanVan.Load run --base-url URL --pg CONNECTION --out FILE [--clients N --warmup S --duration S --only a,b --data LABEL]");
    Console.Error.WriteLine("       DanVan.Load report --load FILE --scale S --out-md FILE --out-json FILE [--machine F --commands F --micro F --peak-kb N --history DIR]");
    Console.Error.WriteLine("scenarios: " + string.Join(", ", LoadRun.AllScenarios));
    return 2;
}
