using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace DanVan.Load;

public sealed record ScenarioResult(
    string Name, string Title, string User, string Request, Measurement? Web, int? FixedBytes, Measurement? Fixed, Measurement? Sql, string? Skipped,
    StatementCheckResult? Check = null);

public sealed record LoadResult(
    DateTime StartedAtUtc, string BaseUrl, int Clients, double WarmupSeconds, double DurationSeconds, string Data, IReadOnlyList<string> Notes,
    IReadOnlyList<ScenarioResult> Scenarios);

/// <summary>One scenario: what it sends over HTTP and the raw SQL that is its database share.</summary>
/// <remarks>
/// <see cref="Send"/>, when given, replaces sending <see cref="Request"/> through <see cref="Session"/> (the public forms);
/// <see cref="Session"/> still serves the fixed-page reference. <see cref="Clients"/> overrides the run's client count (a burst).
/// <see cref="Answer"/>, when given, compares the figures the page shows with those its SQL reference computes (same: true, and what was compared).
/// </remarks>
internal sealed record Scenario(string Name, string Title, WebSession Session, DbUser User, HttpMethod Method, Func<long, (string Path, string? Json)> Request,
    Func<long, CancellationToken, Task> Sql, string? Shown = null, Func<long, byte[], CancellationToken, Task<Outcome>>? Send = null, int? Clients = null,
    Func<Task<(bool Same, string Text)>>? Answer = null)
{
    public Task<Outcome> SendAsync(long i, byte[] buffer, CancellationToken ct)
    {
        if (Send is { } send)
        {
            return send(i, buffer, ct);
        }

        var (path, json) = Request(i);
        return Session.SendAsync(Method, path, json, buffer, ct);
    }
}

/// <summary>`run`: signs in, finds a report period and deadlines to update, measures every scenario and its references.</summary>
internal static class LoadRun
{
    public const string Password = "DanVan@2026";

    public static readonly string[] AllScenarios =
        ["board", "unit-tasks", "rollup", "progress", "api-tasks", "api-units", "api-documents", "api-periods", "cases", "cases-unit", "cases-handler", "api-cases",
            "cases-dashboard", "cases-dashboard-national", "public-reception", "public-tracking", "public-tracking-burst",
            "dialogue-commitments", "consultation-synthesis", "scoring-measure", "scoring-national",
            "models-library", "models-library-year", "models-compliance", "disclosure-compliance", "conference-compliance", "targets-dashboard"];

    public static async Task<int> RunAsync(Options o)
    {
        var baseUri = new Uri(o.Require("base-url"));
        var clients = o.Int("clients", 8);
        var warmup = TimeSpan.FromSeconds(o.Double("warmup", 3));
        var duration = TimeSpan.FromSeconds(o.Double("duration", 20));
        var only = o.Get("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? AllScenarios;
        var notes = new List<string>();
        var started = DateTime.UtcNow;

        var csb = new NpgsqlConnectionStringBuilder(o.Require("pg")) { MaxPoolSize = Math.Max(clients, 4), ApplicationName = "danvan-bench-sql" };
        await using var dataSource = NpgsqlDataSource.Create(csb.ConnectionString);
        var sql = new SqlReference(dataSource);

        Log($"signing in as dieuphoi and canbo on {baseUri}");
        using var coordinator = await WebSession.SignInAsync(baseUri, "dieuphoi", Password, clients);
        using var officer = await WebSession.SignInAsync(baseUri, "canbo", Password, clients);
        var dbCoordinator = await sql.FindUserAsync("dieuphoi") ?? throw new InvalidOperationException("no user dieuphoi in the database");
        var dbOfficer = await sql.FindUserAsync("canbo") ?? throw new InvalidOperationException("no user canbo in the database");

        var rollup = await FindPeriodAsync(coordinator, notes);
        var deadlines = await OpenDeadlinesAsync(officer);
        if (deadlines.Count == 0)
        {
            notes.Add("No open deadline led by canbo's unit: the progress scenario was skipped.");
        }

        // Citizens on the public pages: not signed in (no session check, no badge), many connections for the burst.
        const int BurstClients = 256;
        using var citizens = WebSession.Open(baseUri, "(công dân)", BurstClients, TimeSpan.FromSeconds(120));

        var scenarios = new List<Scenario>
        {
            new("board", "Board, coordinator (whole province)", coordinator, dbCoordinator, HttpMethod.Get, _ => ("/Tasks/Board", null),
                (_, ct) => sql.BoardAsync(dbCoordinator, ct)),
            new("unit-tasks", "Unit's task list, ward officer", officer, dbOfficer, HttpMethod.Get, _ => ("/Tasks", null),
                (_, ct) => sql.UnitTasksAsync(dbOfficer, ct)),
        };
        if (rollup is { } r)
        {
            var (pid, provinceId) = r;
            // The province is named in the URL: the page then starts there whether the period is the province's or national.
            scenarios.Add(new("rollup", "Report roll-up of the province, coordinator", coordinator, dbCoordinator, HttpMethod.Get,
                _ => ($"/Reports/Rollup/{pid}?unitId={provinceId}", null), (_, ct) => sql.RollupAsync(dbCoordinator, pid, provinceId, ct)));
        }

        if (deadlines.Count > 0)
        {
            scenarios.Add(new("progress", "Progress report on a deadline (write), ward officer", officer, dbOfficer, HttpMethod.Post,
                i => ($"/api/tasks/{deadlines[(int)(i % deadlines.Count)]}/progress", ProgressJson((int)(1 + (i % 98)), $"Đo hiệu năng: báo cáo tiến độ lần {i}")),
                (i, ct) => sql.ProgressAsync(dbOfficer, deadlines[(int)(i % deadlines.Count)], (int)(1 + (i % 98)), ct),
                $"/api/tasks/{{id}}/progress ({deadlines.Count} open deadlines in turn)"));
        }

        scenarios.AddRange(
        [
            new("api-tasks", "API: deadlines visible to the coordinator", coordinator, dbCoordinator, HttpMethod.Get, _ => ("/api/tasks", null),
                (_, ct) => sql.ApiTasksAsync(dbCoordinator, ct)),
            new("api-units", "API: units in the coordinator's scope", coordinator, dbCoordinator, HttpMethod.Get, _ => ("/api/units", null),
                (_, ct) => sql.ApiUnitsAsync(dbCoordinator, ct)),
            new("api-documents", "API: documents visible to the coordinator", coordinator, dbCoordinator, HttpMethod.Get, _ => ("/api/documents", null),
                (_, ct) => sql.ApiDocumentsAsync(dbCoordinator, ct)),
            new("api-periods", "API: report periods of the coordinator", coordinator, dbCoordinator, HttpMethod.Get, _ => ("/api/reports/periods", null),
                (_, ct) => sql.ApiPeriodsAsync(dbCoordinator, ct)),
            new("cases", "Open cases of the province (register), coordinator", coordinator, dbCoordinator, HttpMethod.Get, _ => ("/Cases?status=open", null),
                (_, ct) => sql.CasesAsync(dbCoordinator, "open", page: true, ct)),
            new("cases-unit", "The ward's case register, ward officer", officer, dbOfficer, HttpMethod.Get, _ => ("/Cases", null),
                (_, ct) => sql.CasesAsync(dbOfficer, null, page: true, ct)),
            new("api-cases", "API: overdue cases of the province, coordinator", coordinator, dbCoordinator, HttpMethod.Get, _ => ("/api/cases?status=overdue", null),
                (_, ct) => sql.CasesAsync(dbCoordinator, "overdue", page: false, ct)),
            new("cases-handler", "A handler's own open cases, ward officer", officer, dbOfficer, HttpMethod.Get, _ => ("/Cases?status=mine", null),
                (_, ct) => sql.CasesAsync(dbOfficer, "mine", page: true, ct)),
            new("cases-dashboard", "Cases dashboard of the province (backlog by age, on-time rate, fields, units), coordinator", coordinator, dbCoordinator,
                HttpMethod.Get, _ => ("/Cases/Dashboard", null), (_, ct) => sql.CasesDashboardAsync(dbCoordinator, ct)),
            new("public-reception", "Public reception schedule (two months, first page)", citizens, dbCoordinator, HttpMethod.Get, _ => ("/Public/Reception", null),
                (_, ct) => sql.PublicReceptionAsync(ct)),
        ]);

        // Listening and scoring (issues 16, 17): the province's open commitments, the large synthesis, the round's measures.
        scenarios.Add(new("dialogue-commitments", "Open commitments of the province's dialogues (board), coordinator", coordinator, dbCoordinator, HttpMethod.Get,
            _ => ("/Dialogues/Commitments", null), (_, ct) => sql.CommitmentsAsync(dbCoordinator, ct)));
        // “Dân vận khéo” models (issue 15): the library's first page (all years, and this year's), the coordinator's compliance view of this year.
        var modelYear = SqlReference.Today.Year;
        scenarios.Add(new("models-library", "Library of “Dân vận khéo” models (first page), coordinator", coordinator, dbCoordinator, HttpMethod.Get,
            _ => ("/Models", null), (_, ct) => sql.ModelsAsync(dbCoordinator, null, ct)));
        scenarios.Add(new("models-library-year", $"Library of models of {modelYear} (first page), coordinator", coordinator, dbCoordinator, HttpMethod.Get,
            _ => ($"/Models?year={modelYear}", null), (_, ct) => sql.ModelsAsync(dbCoordinator, modelYear, ct)));
        scenarios.Add(new("models-compliance", $"Model compliance of the province's obliged units in {modelYear}, coordinator", coordinator, dbCoordinator, HttpMethod.Get,
            _ => ($"/Models/Compliance?year={modelYear}", null), (_, ct) => sql.ModelComplianceAsync(dbCoordinator, modelYear, ct)));
        // Grassroots democracy (issue 18): the coordinator's disclosure compliance of this year (every commune and agency of the
        // province, items due and not disclosed) and the staff conferences of last year (due in the first quarter of this one).
        var disclosureYear = SqlReference.Today.Year;
        scenarios.Add(new("disclosure-compliance", $"Disclosure compliance of the province's communes and agencies in {disclosureYear}, coordinator", coordinator, dbCoordinator,
            HttpMethod.Get, _ => ($"/Democracy/Disclosures/Compliance?year={disclosureYear}", null), (_, ct) => sql.DisclosureComplianceAsync(dbCoordinator, disclosureYear, ct),
            Answer: async () =>
            {
                var (units, overdue) = await sql.DisclosureComplianceAsync(dbCoordinator, disclosureYear, CancellationToken.None);
                return Compare(await ShownAsync(coordinator, $"/Democracy/Disclosures/Compliance?year={disclosureYear}", "disclosure-compliance-summary"),
                    $"{overdue} / {units} đơn vị có nội dung quá hạn");
            }));
        var conferenceYear = SqlReference.Today.Year - 1;
        scenarios.Add(new("conference-compliance", $"Staff conferences of {conferenceYear} across the province's agencies, coordinator", coordinator, dbCoordinator,
            HttpMethod.Get, _ => ($"/Democracy/StaffConferences/Compliance?year={conferenceYear}", null), (_, ct) => sql.StaffConferenceComplianceAsync(dbCoordinator, conferenceYear, ct),
            Answer: async () =>
            {
                var (units, held, overdue) = await sql.StaffConferenceComplianceAsync(dbCoordinator, conferenceYear, CancellationToken.None);
                return Compare(await ShownAsync(coordinator, $"/Democracy/StaffConferences/Compliance?year={conferenceYear}", "conference-compliance-summary"),
                    $"{held} / {units} cơ quan, đơn vị đã tổ chức; {overdue} quá hạn");
            }));
        // Plan targets (issue 18, ADR-028): every target of the province's plans of this year read against its measure.
        var targetYear = SqlReference.Today.Year;
        scenarios.Add(new("targets-dashboard", $"Plan targets of {targetYear} across the province, with their measured values, coordinator", coordinator, dbCoordinator,
            HttpMethod.Get, _ => ($"/Plans/Targets?year={targetYear}", null), (_, ct) => sql.TargetsAsync(dbCoordinator, targetYear, ct),
            Answer: async () =>
            {
                var counts = await sql.TargetsAsync(dbCoordinator, targetYear, CancellationToken.None);
                return Compare(await ShownAsync(coordinator, $"/Plans/Targets?year={targetYear}", "targets-counts", "div"),
                    string.Join(" ", SqlReference.Standings.Select(s => $"{s.Label}: {counts[s.Standing]}")));
            }));
        if (only.Contains("consultation-synthesis"))
        {
            if (await SynthesisConsultationAsync(coordinator) is { } cid)
            {
                scenarios.Add(new("consultation-synthesis", "Synthesis of a consultation, 150 respondents and 1,000 comments (XLSX), coordinator", coordinator, dbCoordinator,
                    HttpMethod.Get, _ => ($"/Consultations/Details/{cid}?handler=Xlsx", null), (_, ct) => sql.SynthesisAsync(dbCoordinator, cid, ct)));
            }
            else
            {
                notes.Add("No consultation with the generated synthesis title is visible to dieuphoi (data generated before issue 17's generator?): the synthesis scenario was skipped.");
            }
        }

        if (only.Contains("scoring-measure"))
        {
            if (await OpenRoundAsync(coordinator) is { } rid)
            {
                // One client: two recomputations of one round at once refuse each other (optimistic concurrency), as they should.
                scenarios.Add(new("scoring-measure", "Measured points of every draft sheet of the province's open round (write), coordinator", coordinator, dbCoordinator,
                    HttpMethod.Post, _ => ($"/api/scoring/rounds/{rid}/measure", "{}"), (_, ct) => sql.ScoringMeasureAsync(dbCoordinator, rid, ct), Clients: 1));
            }
            else
            {
                notes.Add("No open scoring round of this year is visible to dieuphoi: the scoring-measure scenario was skipped.");
            }
        }

        // The country's dashboard and the national ranking: the administrator's scope is every unit.
        var dbAdmin = await sql.FindUserAsync("admin");
        WebSession? admin = null;
        if (dbAdmin is not null && (only.Contains("cases-dashboard-national") || only.Contains("scoring-national")))
        {
            try
            {
                admin = await WebSession.SignInAsync(baseUri, "admin", Password, clients);
                dbAdmin = await sql.FindUserAsync("admin") ?? dbAdmin; // with the session just opened (the cookie's session check)
                scenarios.Add(new("cases-dashboard-national", "Cases dashboard of the whole country, administrator", admin, dbAdmin, HttpMethod.Get,
                    _ => ("/Cases/Dashboard", null), (_, ct) => sql.CasesDashboardAsync(dbAdmin, ct)));
                var year = SqlReference.Today.Year - 1;
                scenarios.Add(new("scoring-national", $"Scoring: every province's results of {year} and the communes ranked across the country, administrator", admin, dbAdmin,
                    HttpMethod.Get, _ => ($"/Scoring/National?year={year}", null), (_, ct) => sql.ScoringNationalAsync(dbAdmin, year, ct)));
            }
            catch (InvalidOperationException ex)
            {
                notes.Add("The national dashboard was skipped: " + ex.Message);
            }
        }

        // Public tracking: codes of generated cases (their receipt key is derived from the code, DataGenerator.GeneratedAccessKey).
        var codes = only.Any(x => x.StartsWith("public-tracking", StringComparison.Ordinal)) ? await sql.GeneratedCaseCodesAsync(5000) : [];
        if (codes.Count > 0 && await TrackingWorksAsync(citizens, codes[0]))
        {
            Task<Outcome> Track(long i, byte[] buffer, CancellationToken ct)
            {
                var code = codes[(int)(i % codes.Count)];
                // Each request from its own address (10.x.y.z): thousands of citizens, not one client hammering.
                var address = string.Create(CultureInfo.InvariantCulture, $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}");
                return citizens.PostFormAsync("/Public/Cases", new Dictionary<string, string> { ["Code"] = code, ["Key"] = GeneratedAccessKey(code) }, address, buffer, ct);
            }

            var shown = $"/Public/Cases (form: code and key of {codes.Count:N0} generated cases in turn, X-Forwarded-For per request)";
            scenarios.Add(new("public-tracking", "Public tracking of a case by code and key", citizens, dbCoordinator, HttpMethod.Post, _ => ("/Public/Cases", null),
                (i, ct) => sql.PublicTrackingAsync(codes[(int)(i % codes.Count)], ct), shown, Track));
            scenarios.Add(new("public-tracking-burst", $"Public tracking under a burst: {BurstClients} clients at once", citizens, dbCoordinator, HttpMethod.Post,
                _ => ("/Public/Cases", null), (i, ct) => sql.PublicTrackingAsync(codes[(int)(i % codes.Count)], ct), shown, Track, BurstClients));
        }
        else if (only.Any(x => x.StartsWith("public-tracking", StringComparison.Ordinal)))
        {
            notes.Add("No generated case could be looked up on /Public/Cases (data generated before receipt keys were derived from codes?): the tracking scenarios were skipped.");
        }

        var fixedAvailable = (await coordinator.SendAsync(HttpMethod.Get, "/bench/fixed?bytes=1000", null, new byte[65536], CancellationToken.None)).Error is null;
        if (!fixedAvailable)
        {
            notes.Add("GET /bench/fixed did not answer 200: the app runs without Bench:Enabled=true, so there is no fixed-page reference.");
        }

        var buffers = Enumerable.Range(0, clients).Select(_ => new byte[81920]).ToArray(); // bodies are drained, not kept
        var checks = await CheckStatementsAsync(new StatementCheck(dataSource), scenarios.Where(s => only.Contains(s.Name)).ToList(), buffers[0], notes);
        foreach (var s in scenarios.Where(s => s.Answer is not null && only.Contains(s.Name)))
        {
            var (same, text) = await s.Answer!();
            Log($"  {s.Name}: {text}{(same ? "" : "  <-- DIFFERENT")}");
            notes.Add(same ? $"`{s.Name}`: the page's figures are the SQL reference's ({text})." : $"**The page `{s.Name}` and its SQL reference give different figures**: {text}.");
        }

        var results = new List<ScenarioResult>();
        foreach (var name in only)
        {
            var s = scenarios.FirstOrDefault(x => x.Name == name);
            if (s is null)
            {
                results.Add(new ScenarioResult(name, name, "", "", null, null, null, null,
                    AllScenarios.Contains(name) ? "nothing to run it on (see the notes)" : "unknown scenario"));
                continue;
            }

            var request = $"{s.Method.Method} {s.Shown ?? s.Request(0).Path}";
            var n = s.Clients ?? clients;
            Log($"{s.Name}: {request} as {s.Session.UserName}, {n} clients, {warmup.TotalSeconds:0.#} s warm-up + {duration.TotalSeconds:0.#} s");
            long counter = 0;
            var own = n > buffers.Length ? Enumerable.Range(0, n).Select(_ => new byte[81920]).ToArray() : buffers;
            var web = await Measure.RunAsync(n, warmup, duration, (client, ct) => s.SendAsync(Interlocked.Increment(ref counter), own[client], ct));
            Log($"  {Line(web)}");

            int? fixedBytes = null;
            Measurement? fixedPage = null;
            if (fixedAvailable && web.MedianBytes > 0)
            {
                fixedBytes = (int)Math.Max(web.MedianBytes, 200);
                var path = $"/bench/fixed?bytes={fixedBytes}";
                fixedPage = await Measure.RunAsync(n, warmup, duration, (client, ct) => s.Session.SendAsync(HttpMethod.Get, path, null, own[client], ct));
                Log($"  fixed page of {fixedBytes} bytes: {Line(fixedPage)}");
            }

            long sqlCounter = 1_000_000;
            var raw = await Measure.RunAsync(Math.Min(n, clients), warmup, duration, async (_, ct) =>
            {
                await s.Sql(Interlocked.Increment(ref sqlCounter), ct);
                return Outcome.Ok(0);
            });
            Log($"  raw SQL: {Line(raw)}");
            results.Add(new ScenarioResult(s.Name, s.Title, s.Session.UserName, request, web, fixedBytes, fixedPage, raw, null, checks.GetValueOrDefault(s.Name)));
        }

        admin?.Dispose();
        var result = new LoadResult(started, baseUri.ToString(), clients, warmup.TotalSeconds, duration.TotalSeconds, o.Get("data") ?? "", notes, results);
        var output = o.Require("out");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, Json.Options));
        Log($"wrote {output}");
        return 0;
    }

    /// <summary>One request of each scenario through the app and through its SQL reference, counted by pg_stat_statements.</summary>
    private static async Task<Dictionary<string, StatementCheckResult>> CheckStatementsAsync(StatementCheck check, List<Scenario> scenarios, byte[] buffer, List<string> notes)
    {
        var results = new Dictionary<string, StatementCheckResult>();
        if (!await check.AvailableAsync())
        {
            notes.Add("pg_stat_statements is not installed in the database: the SQL references were not checked against the pages.");
            return results;
        }

        Log("checking each SQL reference against its page (pg_stat_statements)");
        await check.TrackAsync(true);
        try
        {
            foreach (var s in scenarios)
            {
                var page = await check.ProfileAsync(async () =>
                {
                    var outcome = await s.SendAsync(0, buffer, CancellationToken.None);
                    if (outcome.Error is not null)
                    {
                        throw new InvalidOperationException($"{s.Name}: {s.Method} {s.Request(0).Path} answered {outcome.Error}");
                    }
                });
                var sqlProfile = await check.ProfileAsync(() => s.Sql(0, CancellationToken.None));
                var result = new StatementCheckResult(page, sqlProfile);
                results[s.Name] = result;
                Log(string.Create(CultureInfo.InvariantCulture,
                    $"  {s.Name}: page {page.Statements} statements, {page.Rows} rows, {page.ExecMs} ms in PostgreSQL; reference {sqlProfile.Statements}, {sqlProfile.Rows}, {sqlProfile.ExecMs} ms{(result.Matches ? "" : "  <-- DIFFERENT")}"));
                if (!result.Matches)
                {
                    foreach (var q in page.Queries ?? [])
                    {
                        Log("      page: " + q);
                    }

                    foreach (var q in sqlProfile.Queries ?? [])
                    {
                        Log("      reference: " + q);
                    }

                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"**The SQL reference of `{s.Name}` no longer matches its page** ({page.Statements} statements and {page.Rows:N0} rows through the app, {sqlProfile.Statements} and {sqlProfile.Rows:N0} in the reference): update `bench/DanVan.Load/SqlReference.cs` from the page's queries; its × SQL ratio compares with other work."));
                }
            }
        }
        finally
        {
            await check.TrackAsync(false);
        }

        return results;
    }

    /// <summary>
    /// A period for the coordinator's province roll-up, found as a client would: the province is the first unit
    /// GET /api/units lists (the top of the scope); among the periods GET /api/reports/periods lists (the province's
    /// own first, else national ones), the latest with at least half the reports in, else the one with most.
    /// </summary>
    private static async Task<(int PeriodId, int ProvinceId)?> FindPeriodAsync(WebSession coordinator, List<string> notes)
    {
        var (provinceId, province) = await ProvinceAsync(coordinator);
        using var periods = await coordinator.GetJsonAsync("/api/reports/periods");
        var rows = periods.RootElement.EnumerateArray().Select(p => new
        {
            Id = p.GetProperty("id").GetInt32(),
            Label = p.GetProperty("label").GetString(),
            Owner = p.GetProperty("ownerName").GetString(),
            Total = p.GetProperty("total").GetInt32(),
            Submitted = p.GetProperty("submitted").GetInt32(),
        }).ToList();
        var candidates = rows.Any(p => p.Owner == province) ? rows.Where(p => p.Owner == province).ToList() : rows;
        var pick = candidates.FirstOrDefault(p => p.Total > 0 && p.Submitted * 2 >= p.Total) ?? candidates.OrderByDescending(p => p.Submitted).FirstOrDefault();
        if (pick is null)
        {
            notes.Add("No report period visible to dieuphoi: the roll-up scenario was skipped.");
            return null;
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Roll-up: {province} (unit {provinceId}) in period {pick.Id} “{pick.Label}” of {pick.Owner}, {pick.Submitted:N0} of {pick.Total:N0} reports in over the period ({rows.Count} periods visible)."));
        return (pick.Id, provinceId);
    }

    /// <summary>The generated consultation of 150 respondents and 1,000 comments, found as a client would (search by its title).</summary>
    private static async Task<int?> SynthesisConsultationAsync(WebSession coordinator)
    {
        using var page = await coordinator.GetJsonAsync("/api/consultations?q=" + Uri.EscapeDataString("bang tong hop lon") + "&pageSize=5");
        return page.RootElement.GetProperty("items").EnumerateArray().Select(c => (int?)c.GetProperty("id").GetInt32()).FirstOrDefault();
    }

    /// <summary>This year's open scoring round of the coordinator's province, from <c>GET /api/scoring/rounds</c>.</summary>
    private static async Task<int?> OpenRoundAsync(WebSession coordinator)
    {
        using var rounds = await coordinator.GetJsonAsync("/api/scoring/rounds");
        return rounds.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("state").GetString() == "Open" && r.GetProperty("year").GetInt32() == SqlReference.Today.Year)
            .Select(r => (int?)r.GetProperty("id").GetInt32()).FirstOrDefault();
    }

    /// <summary>The text of the element a page marks with <c>data-testid</c> (tags dropped, entities decoded).</summary>
    private static async Task<string> ShownAsync(WebSession session, string path, string testId, string tag = "p")
    {
        var answer = await session.ExchangeAsync(HttpMethod.Get, path, null, null, CancellationToken.None);
        var match = System.Text.RegularExpressions.Regex.Match(answer.Body ?? "", $"data-testid=\"{testId}\"[^>]*>(.*?)</{tag}>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return match.Success
            ? System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(match.Groups[1].Value, "<[^>]*>", "")), @"\s+", " ").Trim()
            : $"(HTTP {answer.Status}, no {testId})";
    }

    /// <summary>Whether the page's text starts with the figures the reference computed.</summary>
    private static (bool Same, string Text) Compare(string shown, string expected) =>
        shown.StartsWith(expected, StringComparison.Ordinal) ? (true, $"«{shown}»") : (false, $"the page shows «{shown}», the reference computes «{expected}…»");

    /// <summary>The top of a coordinator's scope, their province: the first unit <c>GET /api/units</c> lists.</summary>
    public static async Task<(int Id, string Name)> ProvinceAsync(WebSession coordinator)
    {
        using var units = await coordinator.GetJsonAsync("/api/units?pageSize=1");
        var top = units.RootElement.GetProperty("items").EnumerateArray().First();
        return (top.GetProperty("id").GetInt32(), top.GetProperty("name").GetString() ?? "");
    }

    /// <summary>The receipt key of a generated case: the same function as <c>DataGenerator.GeneratedAccessKey</c> in the app.</summary>
    public static string GeneratedAccessKey(string code) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("danvan-generated:" + code)))[..8];

    /// <summary>One lookup whose answer is read: the page names the case when code and key match.</summary>
    private static async Task<bool> TrackingWorksAsync(WebSession citizens, string code)
    {
        var answer = await citizens.ExchangeAsync(HttpMethod.Post, "/Public/Cases",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["Key"] = GeneratedAccessKey(code) }), null, CancellationToken.None, "10.255.255.254");
        return answer.IsSuccess && (answer.Body ?? "").Contains(code, StringComparison.Ordinal) && !(answer.Body ?? "").Contains("Không tìm thấy đơn", StringComparison.Ordinal);
    }

    /// <summary>The body of <c>POST /api/tasks/{id}/progress</c>: a percentage that never completes the deadline, and a note.</summary>
    public static string ProgressJson(int progress, string note) =>
        JsonSerializer.Serialize(new { progress, note, completes = false });

    /// <summary>Open deadlines of the officer's unit (up to 200) that take progress reports, updated in turn by the write scenarios.</summary>
    public static async Task<List<int>> OpenDeadlinesAsync(WebSession officer)
    {
        using var page = await officer.GetJsonAsync("/api/tasks?mine=true&state=Open&pageSize=200");
        // A deadline whose completion waits for confirmation takes no progress report (ADR-013): the write would be a 400.
        return page.RootElement.GetProperty("items").EnumerateArray()
            .Where(d => !d.TryGetProperty("reportedCompletedOn", out var r) || r.ValueKind == System.Text.Json.JsonValueKind.Null)
            .Select(d => d.GetProperty("id").GetInt32()).ToList();
    }

    private static string Line(Measurement m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.Count} requests, {m.RequestsPerSecond:0.#}/s, median {m.MedianMs:0.#} ms, p95 {m.P95Ms:0.#} ms, p99 {m.P99Ms:0.#} ms, {m.Errors} errors, median size {m.MedianBytes} B");

    public static void Log(string message) => Console.Error.WriteLine("==> " + message);
}
