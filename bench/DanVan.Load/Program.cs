using DanVan.Load;

// dotnet DanVan.Load.dll run    --base-url http://127.0.0.1:PORT --pg "Host=…" [--clients 8] [--warmup 3] [--duration 20] [--only a,b] [--data LABEL] --out load.json
// dotnet DanVan.Load.dll report --load load.json --scale S [--machine F] [--commands F] [--micro F] [--peak-kb N] [--history DIR] --out-md F --out-json F
// dotnet DanVan.Load.dll surge  --base-url URL --pg "Host=…" [--users 500] [--minutes 10] [--think 5] [--timeout 30] [--seed 1] [--regime DVCQ] [--app-pid N] --out-md F --out-json F
// dotnet DanVan.Load.dll faults --instances URL,URL --pg "Host=…" --events FILE [--rate 40] [--clients 8] [--timeout 10] [--skip 2] --out-md F --out-json F
// bench/run.sh calls run and report, bench/surge.sh surge, bench/faults.sh faults; see bench/README.md.
try
{
    return args.FirstOrDefault() switch
    {
        "run" => await LoadRun.RunAsync(new Options(args.Skip(1))),
        "report" => await Report.WriteAsync(new Options(args.Skip(1))),
        "surge" => await Surge.RunAsync(new Options(args.Skip(1))),
        "faults" => await Faults.RunAsync(new Options(args.Skip(1))),
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
    Console.Error.WriteLine("       DanVan.Load surge --base-url URL --pg CONNECTION --out-md FILE --out-json FILE [--users N --minutes M --think S --timeout S --seed N --regime CODE --app-pid N --data LABEL --machine F --commands F]");
    Console.Error.WriteLine("       DanVan.Load faults --instances URL,URL --pg CONNECTION --events FILE --out-md FILE --out-json FILE [--rate R --clients N --timeout S --skip S --max-seconds S --data LABEL --machine F --commands F]");
    Console.Error.WriteLine("scenarios: " + string.Join(", ", LoadRun.AllScenarios));
    return 2;
}
