using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace DanVan.Load;

/// <summary>One timed request of one simulated user: when it started (seconds into the window) and what it got.</summary>
public sealed record SurgeSample(string Step, double AtSeconds, double Ms, long Bytes, string? Error, bool Validation);

public sealed record SurgeMinute(int Minute, int Arrivals, int Requests, int Errors, double MedianMs, double P95Ms);

public sealed record SurgeStep(string Name, string Request, Measurement Latency, int Validation);

public sealed record SurgeResult(
    DateTime StartedAtUtc, string BaseUrl, int Users, double Minutes, double ThinkSeconds, double TimeoutSeconds, int Seed, string Data, string Period,
    bool PeriodOpenedNow, IReadOnlyList<string> Notes, int Requests, int Errors, int RateLimited, int UsersCompleted, int SubmittedAnswers,
    int ValidationAnswers, int SubmittedInDatabase, int HomeListedReport, int PeakActiveUsers, double Seconds, long? AppPeakKb,
    IReadOnlyList<SurgeStep> Steps, IReadOnlyList<KeyValuePair<string, int>> ErrorsByKind, IReadOnlyList<string> ErrorSamples,
    IReadOnlyList<SurgeMinute> PerMinute)
{
    public bool Passed => Errors == 0;
}

/// <summary>
/// `surge`: the deadline-day surge. N users of the province, each with their own account, arrive at random over the window;
/// each signs in once through the login form (the cookie is kept), opens the home page, opens the unit's report of the
/// period from it and submits the form with figures, then sees the page it is sent back to. Every request is timed.
/// </summary>
internal static partial class Surge
{
    private const int Pending = 1;   // SubmissionStatus.Pending
    private const int Submitted = 2; // SubmissionStatus.Submitted
    private const int FirstHalf = 5; // ReportPeriodKind.FirstHalf: the six-monthly report

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly (string Name, string Request)[] Steps =
    [
        ("login-form", "GET /Account/Login"),
        ("login", "POST /Account/Login (form: UserName, Password, token) → 302"),
        ("home", "GET / (Trang chủ)"),
        ("report-form", "GET /Reports/Submission/{id}"),
        ("submit", "POST /Reports/Submission/{id}?handler=Submit (multipart form, figures and narrative) → 302"),
        ("submitted", "GET /Reports/Submission/{id} (after the redirect: “Đã nộp báo cáo.”)"),
    ];

    private sealed record Slot(int SubmissionId, string UserName, string UnitName);

    public static async Task<int> RunAsync(Options o)
    {
        var baseUri = new Uri(o.Require("base-url"));
        var users = o.Int("users", 500);
        var minutes = o.Double("minutes", 10);
        var think = o.Double("think", 5);
        var timeout = TimeSpan.FromSeconds(o.Double("timeout", 30));
        var seed = o.Int("seed", 1);
        var regime = o.Get("regime") ?? "DVCQ";
        var notes = new List<string>();
        var started = DateTime.UtcNow;

        var csb = new NpgsqlConnectionStringBuilder(o.Require("pg")) { MaxPoolSize = 4, ApplicationName = "danvan-bench-surge" };
        await using var dataSource = NpgsqlDataSource.Create(csb.ConnectionString);

        LoadRun.Log($"signing in as dieuphoi on {baseUri}");
        var (periodId, label, openedNow) = await PeriodAsync(baseUri, dataSource, regime, users, notes);
        var slots = await SlotsAsync(dataSource, periodId, seed);
        if (slots.Count < users)
        {
            notes.Add(string.Create(Inv, $"**Only {slots.Count} units have a report still to submit in the period (with a user who may submit it): {slots.Count} users instead of {users}.**"));
            users = slots.Count;
        }

        slots = slots.Take(users).ToList();
        var window = minutes * 60;
        var rng = new Random(seed);
        var arrivals = Enumerable.Range(0, users).Select(_ => rng.NextDouble() * window).Order().ToArray();
        LoadRun.Log(string.Create(Inv, $"{users} users of the province over {minutes:0.#} min, think time ~{think:0.#} s, timeout {timeout.TotalSeconds:0} s; period {periodId} “{label}”"));

        var samples = new ConcurrentQueue<SurgeSample>();
        var clock = Stopwatch.StartNew();
        int active = 0, peakActive = 0, completed = 0, submitted = 0, validation = 0, listed = 0, done = 0;
        using var progress = new Timer(_ => LoadRun.Log(string.Create(Inv,
            $"  {clock.Elapsed.TotalSeconds:0} s: {Volatile.Read(ref done)} of {users} users done, {Volatile.Read(ref active)} active, {samples.Count} requests, {samples.Count(s => s.Error is not null)} errors")),
            null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

        async Task UserAsync(Slot slot, double arrival, Random random)
        {
            var wait = TimeSpan.FromSeconds(arrival) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref peakActive, now);
            try
            {
                var outcome = await JourneyAsync(baseUri, slot, think, timeout, random, clock, samples);
                if (outcome.Completed)
                {
                    Interlocked.Increment(ref completed);
                }

                if (outcome.Submitted)
                {
                    Interlocked.Increment(ref submitted);
                }

                if (outcome.Validation)
                {
                    Interlocked.Increment(ref validation);
                }

                if (outcome.Listed)
                {
                    Interlocked.Increment(ref listed);
                }
            }
            finally
            {
                Interlocked.Decrement(ref active);
                Interlocked.Increment(ref done);
            }
        }

        await Task.WhenAll(slots.Select((s, i) => Task.Run(() => UserAsync(s, arrivals[i], new Random(HashCode.Combine(seed, i))))));
        var seconds = clock.Elapsed.TotalSeconds;
        await progress.DisposeAsync();

        var all = samples.ToList();
        var inDatabase = await SubmittedAsync(dataSource, slots.Select(s => s.SubmissionId).ToArray());
        if (inDatabase != submitted)
        {
            notes.Add(string.Create(Inv, $"**{submitted} submissions were answered 302 but {inDatabase} of the users' reports are submitted in the database.**"));
        }

        var steps = Steps.Select(s =>
        {
            var mine = all.Where(x => x.Step == s.Name).ToList();
            return new SurgeStep(s.Name, s.Request, Measure.Summarise(mine.Select(x => (x.Ms, x.Bytes, x.Error)).ToList(), seconds), mine.Count(x => x.Validation));
        }).ToList();
        var errors = all.Where(x => x.Error is not null).ToList();
        var byKind = errors.GroupBy(e => $"{e.Error} ({e.Step})").OrderByDescending(g => g.Count())
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count())).ToList();
        var perMinute = all.GroupBy(x => (int)(x.AtSeconds / 60)).OrderBy(g => g.Key).Select(g =>
        {
            var times = g.Where(x => x.Error is null).Select(x => x.Ms).Order().ToArray();
            return new SurgeMinute(g.Key + 1, arrivals.Count(a => (int)(a / 60) == g.Key), g.Count(), g.Count(x => x.Error is not null),
                Measure.Percentile(times, 0.5), Measure.Percentile(times, 0.95));
        }).ToList();

        var result = new SurgeResult(started, baseUri.ToString(), users, minutes, think, timeout.TotalSeconds, seed, o.Get("data") ?? "", label, openedNow, notes,
            all.Count, errors.Count, errors.Count(e => e.Error!.StartsWith("HTTP 429", StringComparison.Ordinal)), completed, submitted, validation,
            inDatabase, listed, peakActive, Math.Round(seconds, 1), PeakKb(o.Get("app-pid")), steps, byKind,
            errors.GroupBy(e => e.Error).Take(5).Select(g => $"{g.Count()}× {g.Key} (first at {g.Min(x => x.AtSeconds):0.0} s, step {g.First().Step})").ToList(),
            perMinute);
        var machine = await Report.MachineAsync(o.Get("machine"));
        var commands = await Report.CommandsAsync(o.Get("commands"));
        await File.WriteAllTextAsync(o.Require("out-json"), JsonSerializer.Serialize(result, Json.Options));
        await File.WriteAllTextAsync(o.Require("out-md"), Markdown(result, machine, commands));
        LoadRun.Log(string.Create(Inv, $"{(result.Passed ? "PASS" : "FAIL")}: {result.Requests} requests, {result.Errors} errors ({result.RateLimited} × 429), {submitted} reports submitted, {inDatabase} in the database"));
        return result.Passed ? 0 : 3;
    }

    private readonly record struct Journey(bool Completed, bool Submitted, bool Validation, bool Listed);

    /// <summary>One user, step after step as a browser would; the first failed step ends the visit.</summary>
    private static async Task<Journey> JourneyAsync(Uri baseUri, Slot slot, double think, TimeSpan timeout, Random random, Stopwatch clock,
        ConcurrentQueue<SurgeSample> samples)
    {
        using var session = WebSession.Open(baseUri, slot.UserName, 2, Timeout.InfiniteTimeSpan);
        var page = $"/Reports/Submission/{slot.SubmissionId}";

        async Task<Answer?> StepAsync(string step, Func<CancellationToken, Task<Answer>> send, Func<Answer, string?> check, Func<Answer, bool>? validation = null)
        {
            var at = clock.Elapsed.TotalSeconds;
            var t0 = Stopwatch.GetTimestamp();
            string? error;
            Answer? answer = null;
            var expected = false;
            try
            {
                using var cts = new CancellationTokenSource(timeout);
                var a = await send(cts.Token);
                expected = validation?.Invoke(a) == true;
                error = expected ? null : a.Status == 429 ? "HTTP 429 (rate-limited)" : check(a);
                answer = a;
            }
            catch (OperationCanceledException)
            {
                error = string.Create(Inv, $"timeout (no answer in {timeout.TotalSeconds:0} s)");
            }
            catch (HttpRequestException ex)
            {
                error = WebSession.Describe(ex);
            }

            samples.Enqueue(new SurgeSample(step, at, Stopwatch.GetElapsedTime(t0).TotalMilliseconds, answer?.Bytes ?? 0, error, expected));
            return error is null ? answer : null;
        }

        Task PauseAsync(double factor = 1) => think <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(think * factor * (0.5 + random.NextDouble())));

        static string? Status(Answer a, int expected) => a.Status == expected ? null
            : a.Status == 302 && a.Location?.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true ? "HTTP 302 to the login page (signed out)"
            : $"HTTP {a.Status}";

        var form = await StepAsync("login-form", ct => session.ExchangeAsync(HttpMethod.Get, "/Account/Login", null, null, ct),
            a => Status(a, 200) ?? (a.Body!.Contains("__RequestVerificationToken", StringComparison.Ordinal) ? null : "login form without a token"));
        if (form is null)
        {
            return default;
        }

        await PauseAsync();
        var token = WebSession.FormToken(form.Value.Body!);
        if (await StepAsync("login", ct => session.PostLoginAsync(token, LoadRun.Password, ct),
                a => a.Status == 200 ? "sign-in refused (200: the form again)" : Status(a, 302)) is null)
        {
            return default;
        }

        // The browser follows the redirect at once: the home page.
        var home = await StepAsync("home", ct => session.ExchangeAsync(HttpMethod.Get, "/", null, null, ct), a => Status(a, 200));
        if (home is null)
        {
            return default;
        }

        var listed = home.Value.Body!.Contains($"href=\"{page}\"", StringComparison.Ordinal);
        await PauseAsync();
        var report = await StepAsync("report-form", ct => session.ExchangeAsync(HttpMethod.Get, page, null, null, ct),
            a => Status(a, 200) ?? (a.Body!.Contains("handler=Submit", StringComparison.Ordinal) ? null : "report form without the submit button (not editable)"));
        if (report is null)
        {
            return new Journey(false, false, false, listed);
        }

        var fields = FormFields(report.Value.Body!, random.Next(1, 30), slot);
        await PauseAsync(3); // filling the figures in takes longer
        var submit = await StepAsync("submit", ct =>
            {
                var content = new MultipartFormDataContent();
                foreach (var (name, value) in fields)
                {
                    content.Add(new StringContent(value, Encoding.UTF8), name);
                }

                return session.ExchangeAsync(HttpMethod.Post, page + "?handler=Submit", content, null, ct);
            },
            a => Status(a, 302), a => a.Status == 200 && a.Body!.Contains("data-testid=\"report-errors\"", StringComparison.Ordinal));
        if (submit is null)
        {
            return new Journey(false, false, false, listed);
        }

        if (submit.Value.Status == 200)
        {
            return new Journey(false, false, true, listed); // a validation answer: the form again with its errors
        }

        var after = await StepAsync("submitted", ct => session.ExchangeAsync(HttpMethod.Get, submit.Value.Location ?? page, null, null, ct),
            a => Status(a, 200) ?? (a.Body!.Contains("Đã nộp báo cáo.", StringComparison.Ordinal) ? null : "no “Đã nộp báo cáo.” after the redirect"));
        return new Journey(after is not null, true, false, listed);
    }

    /// <summary>
    /// The report form as the browser would send it: hidden fields and the figures shown (pre-filled ones kept as they are),
    /// every empty figure set to <paramref name="figure"/> (one number for all keeps every "not above" rule), and the first
    /// part of the narrative written.
    /// </summary>
    private static List<(string Name, string Value)> FormFields(string html, int figure, Slot slot)
    {
        var start = html.IndexOf("data-testid=\"report-form\"", StringComparison.Ordinal);
        var end = start < 0 ? -1 : html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = start < 0 || end < 0 ? html : html[start..end];
        var fields = new List<(string, string)>();
        foreach (Match tag in InputTag().Matches(form))
        {
            var attrs = Attributes(tag.Value);
            if (!attrs.TryGetValue("name", out var name) || attrs.GetValueOrDefault("type") is "file" or "submit" or "checkbox")
            {
                continue;
            }

            var value = attrs.GetValueOrDefault("value") ?? "";
            if (name.StartsWith("Values[", StringComparison.Ordinal) && value.Length == 0 && !attrs.ContainsKey("readonly"))
            {
                value = figure.ToString(Inv);
            }

            fields.Add((name, value));
        }

        var first = true;
        foreach (Match area in TextareaTag().Matches(form))
        {
            if (Attributes(area.Groups[1].Value).GetValueOrDefault("name") is not { } name)
            {
                continue;
            }

            var text = WebUtility.HtmlDecode(area.Groups[2].Value);
            if (first && name.StartsWith("Narrative[", StringComparison.Ordinal) && text.Trim().Length == 0)
            {
                text = $"{slot.UnitName} đã triển khai đầy đủ các nhiệm vụ công tác dân vận chính quyền trong kỳ (báo cáo thử tải, {slot.UserName}).";
                first = false;
            }

            fields.Add((name, text));
        }

        return fields;
    }

    private static Dictionary<string, string> Attributes(string tag)
    {
        var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in AttributePattern().Matches(tag))
        {
            attrs[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        return attrs;
    }

    /// <summary>
    /// A six-monthly period of the coordinator's province with enough reports still to submit; if there is none, one is
    /// opened through <c>POST /api/reports/periods</c> as the coordinator (the latest year not opened yet).
    /// </summary>
    private static async Task<(int Id, string Label, bool OpenedNow)> PeriodAsync(Uri baseUri, NpgsqlDataSource db, string regimeCode, int users, List<string> notes)
    {
        using var coordinator = await WebSession.SignInAsync(baseUri, "dieuphoi", LoadRun.Password, 2);
        var (provinceId, province) = await LoadRun.ProvinceAsync(coordinator);
        await using (var cmd = db.CreateCommand("""
            SELECT p."Id", p."Label", count(s."Id") FILTER (WHERE s."Status" = $3)
            FROM "ReportPeriods" p JOIN "ReportRegimes" r ON r."Id" = p."RegimeId" LEFT JOIN "ReportSubmissions" s ON s."PeriodId" = p."Id"
            WHERE p."OwnerUnitId" = $1 AND r."Code" = $2 AND p."Kind" = $4 AND p."ClosedAtUtc" IS NULL
            GROUP BY p."Id", p."Label", p."Year" ORDER BY p."Year" DESC
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = provinceId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = regimeCode });
            cmd.Parameters.Add(new NpgsqlParameter { Value = Pending });
            cmd.Parameters.Add(new NpgsqlParameter { Value = FirstHalf });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (reader.GetInt64(2) >= users)
                {
                    notes.Add(string.Create(Inv, $"Period: “{reader.GetString(1)}” of {province} (id {reader.GetInt32(0)}), already open with {reader.GetInt64(2)} reports to submit."));
                    return (reader.GetInt32(0), reader.GetString(1), false);
                }
            }
        }

        using var regimes = await coordinator.GetJsonAsync("/api/reports/regimes");
        var regimeId = regimes.RootElement.EnumerateArray().Where(r => r.GetProperty("code").GetString() == regimeCode).Select(r => r.GetProperty("id").GetInt32())
            .FirstOrDefault();
        if (regimeId == 0)
        {
            throw new InvalidOperationException($"no report regime with code {regimeCode} (GET /api/reports/regimes)");
        }

        var taken = new HashSet<int>();
        await using (var cmd = db.CreateCommand("""SELECT "Year" FROM "ReportPeriods" WHERE "OwnerUnitId" = $1 AND "RegimeId" = $2 AND "Kind" = $3"""))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = provinceId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = regimeId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = FirstHalf });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                taken.Add(reader.GetInt32(0));
            }
        }

        var year = Enumerable.Range(2000, DateTime.UtcNow.Year + 2 - 2000).Reverse().First(y => !taken.Contains(y));
        var t0 = Stopwatch.GetTimestamp();
        var answer = await coordinator.PostJsonAsync("/api/reports/periods", $$"""{"regimeId":{{regimeId}},"kind":"FirstHalf","year":{{year}}}""");
        if (answer.Status != 201)
        {
            throw new InvalidOperationException($"POST /api/reports/periods (FirstHalf {year}) as dieuphoi: HTTP {answer.Status} {answer.Body}");
        }

        using var created = JsonDocument.Parse(answer.Body!);
        var id = created.RootElement.GetProperty("id").GetInt32();
        var label = created.RootElement.GetProperty("label").GetString()!;
        notes.Add(string.Create(Inv,
            $"Period: “{label}” of {province} (id {id}), opened for this run by dieuphoi through `POST /api/reports/periods` in {Stopwatch.GetElapsedTime(t0).TotalMilliseconds:N0} ms (one report slot per obliged unit, figures pre-filled)."));
        return (id, label, true);
    }

    /// <summary>The period's reports still to submit, each with one user of the unit who may submit it (an officer first), shuffled by the seed.</summary>
    private static async Task<List<Slot>> SlotsAsync(NpgsqlDataSource db, int periodId, int seed)
    {
        await using var cmd = db.CreateCommand("""
            SELECT s."Id", u."UserName", o."Name"
            FROM "ReportSubmissions" s
            JOIN "OrgUnits" o ON o."Id" = s."UnitId"
            JOIN LATERAL (
                SELECT a."UserName" FROM "AspNetUsers" a
                JOIN "AspNetUserRoles" ur ON ur."UserId" = a."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                WHERE a."OrgUnitId" = s."UnitId" AND r."Name" IN ('UnitOfficer', 'UnitHead') AND NOT a."TwoFactorEnabled"
                  AND (a."LockoutEnd" IS NULL OR a."LockoutEnd" < now())
                ORDER BY r."Name" = 'UnitOfficer' DESC, a."UserName" LIMIT 1) u ON true
            WHERE s."PeriodId" = $1 AND s."Status" = $2
            ORDER BY s."Id"
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = periodId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Pending });
        var slots = new List<Slot>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                slots.Add(new Slot(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var rng = new Random(seed);
        return slots.OrderBy(_ => rng.Next()).ToList();
    }

    private static async Task<int> SubmittedAsync(NpgsqlDataSource db, int[] ids)
    {
        await using var cmd = db.CreateCommand("""SELECT count(*) FROM "ReportSubmissions" WHERE "Id" = ANY($1) AND "Status" = $2""");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Submitted });
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>VmHWM (peak resident set) of a process, in KB, while it still runs.</summary>
    public static long? PeakKb(string? pid)
    {
        var file = $"/proc/{pid}/status";
        if (pid is null || !File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public static string Markdown(SurgeResult r, IReadOnlyList<KeyValuePair<string, string>> machine, IReadOnlyList<string> commands)
    {
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');

        Line(string.Create(Inv, $"# DanVan surge: {r.Users} users of the province in {r.Minutes:0.#} min, {r.StartedAtUtc:yyyy-MM-dd HH:mm} UTC"));
        Line();
        Line(r.Passed
            ? string.Create(Inv, $"**PASS**: {r.Requests:N0} requests, no error (pass condition: zero errors).")
            : string.Create(Inv, $"**FAIL**: {r.Errors:N0} errors in {r.Requests:N0} requests (pass condition: zero errors), {r.RateLimited:N0} of them 429 (rate-limited)."));
        Line();
        Report.BusyAndData(sb, machine, r.Data);
        Line(string.Create(Inv, $"**Load:** {r.Users} users, each with their own account (a unit's officer, or its head where the unit has no officer), arriving at random times over {r.Minutes:0.#} min (uniform, seed {r.Seed}); ") +
            string.Create(Inv, $"each signs in once through the login form and keeps the cookie, opens the home page, opens the unit's report of the period, submits it, and sees the page it is redirected to. ") +
            string.Create(Inv, $"Think time {r.ThinkSeconds * 0.5:0.#}–{r.ThinkSeconds * 1.5:0.#} s between steps ({r.ThinkSeconds * 1.5:0.#}–{r.ThinkSeconds * 4.5:0.#} s to fill the figures in), none after the login (the browser follows the redirect). ") +
            string.Create(Inv, $"Every request timed from the driver (send to last byte); timeout {r.TimeoutSeconds:0} s."));
        Line();
        Line("**Error**: any answer but the expected one (200, or 302 for the two form posts; a 302 to the login page counts), a connection failure, a timeout. " +
            "A submit answered with the form and its validation messages is an *expected validation answer*, counted apart, not an error. 429 (rate-limited) answers are errors, also counted apart.");
        Line();
        foreach (var note in r.Notes)
        {
            Line($"- {note}");
        }

        Line();
        Line("## Outcome");
        Line();
        Line("| | |");
        Line("|---|--:|");
        Line(string.Create(Inv, $"| requests | {r.Requests:N0} |"));
        Line(string.Create(Inv, $"| errors | {r.Errors:N0} |"));
        Line(string.Create(Inv, $"| of which 429 (rate-limited) | {r.RateLimited:N0} |"));
        Line(string.Create(Inv, $"| users who went through every step | {r.UsersCompleted:N0} of {r.Users:N0} |"));
        Line(string.Create(Inv, $"| reports submitted (302 to the submit) | {r.SubmittedAnswers:N0} |"));
        Line(string.Create(Inv, $"| … found submitted in the database afterwards | {r.SubmittedInDatabase:N0} |"));
        Line(string.Create(Inv, $"| validation answers (expected, not errors) | {r.ValidationAnswers:N0} |"));
        Line(string.Create(Inv, $"| home pages that linked the report to submit | {r.HomeListedReport:N0} |"));
        Line(string.Create(Inv, $"| most users in the middle of a visit at once | {r.PeakActiveUsers:N0} |"));
        Line(string.Create(Inv, $"| run time (last arrival + its visit) | {r.Seconds:N0} s |"));
        Line(r.AppPeakKb is { } kb ? string.Create(Inv, $"| peak app memory (VmHWM after the run) | {kb / 1024.0:N0} MB |") : "| peak app memory | not measured |");
        Line();
        Line("## Steps");
        Line();
        Line("Latency in ms (driver side, send to last byte) of the answers that were not errors.");
        Line();
        Line("| step | request | requests | errors | validation | median | p95 | p99 | max | size |");
        Line("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var s in r.Steps)
        {
            var m = s.Latency;
            Line(string.Create(Inv, $"| {s.Name} | `{s.Request}` | {m.Count:N0} | {(m.Errors == 0 ? "0" : $"**{m.Errors:N0}**")} | {s.Validation:N0} | {Report.Ms(m.MedianMs)} | {Report.Ms(m.P95Ms)} | {Report.Ms(m.P99Ms)} | {Report.Ms(m.MaxMs)} | {Report.Size(m.MedianBytes)} |"));
        }

        Line();
        Line("## Errors by kind");
        Line();
        if (r.ErrorsByKind.Count == 0)
        {
            Line("None.");
        }
        else
        {
            Line("| kind (step) | count |");
            Line("|---|--:|");
            foreach (var (kind, count) in r.ErrorsByKind)
            {
                Line(string.Create(Inv, $"| {kind} | {count:N0} |"));
            }

            Line();
            foreach (var e in r.ErrorSamples)
            {
                Line($"- {e}");
            }
        }

        Line();
        Line("## Minute by minute");
        Line();
        Line("| minute | arrivals | requests | errors | median | p95 |");
        Line("|--:|--:|--:|--:|--:|--:|");
        foreach (var m in r.PerMinute)
        {
            Line(string.Create(Inv, $"| {m.Minute} | {m.Arrivals:N0} | {m.Requests:N0} | {m.Errors:N0} | {Report.Ms(m.MedianMs)} | {Report.Ms(m.P95Ms)} |"));
        }

        Report.MachineAndCommands(sb, machine, commands);
        return sb.ToString();
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TextareaTag();

    [GeneratedRegex("([A-Za-z_:][-A-Za-z0-9_:.]*)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();
}
