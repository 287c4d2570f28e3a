using Npgsql;

namespace DanVan.Load;

/// <summary>A demo account as the database sees it, with the scope the app derives from its role (UserScope.For).</summary>
public sealed record DbUser(string Id, string UserName, string Role, int UnitId, string AncestorPath)
{
    /// <summary>The driver's sign-in (its latest open session): every signed-in request checks it (Infrastructure/Sessions.cs).</summary>
    public string SessionId { get; init; } = "";

    public bool IsAdmin => Role == "Admin";

    public string OwnSubtreePrefix => AncestorPath + UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    /// <summary>"/" for admins; the province's subtree for coordinators and reviewers; the own subtree otherwise.</summary>
    public string ScopePrefix
    {
        get
        {
            if (IsAdmin)
            {
                return "/";
            }

            if (Role is "Coordinator" or "Reviewer")
            {
                var ids = Ancestors(AncestorPath).Append(UnitId).Take(2);
                return "/" + string.Join('/', ids) + "/";
            }

            return OwnSubtreePrefix;
        }
    }

    public int ScopeRootId => Ancestors(ScopePrefix).Last();

    public static List<int> Ancestors(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

/// <summary>
/// The raw-SQL reference: the statements each page or endpoint sends to PostgreSQL, written from the EF Core queries
/// (WorkItemQueries, Board, ReportQueries, UnitsApi, DocumentQueries, WorkItemCommands.ReportAsync) and checked against
/// the SQL EF Core logs, run here over Npgsql one after another on one pooled connection, with the same parameters.
/// It is the database's share of the page with nothing of the app around it: no EF Core, no Razor, no HTTP.
/// </summary>
public sealed class SqlReference(NpgsqlDataSource db)
{
    private static readonly string[] RoleOrder = ["Admin", "Coordinator", "Reviewer", "UnitHead", "UnitOfficer", "ReadOnly"];

    /// <summary>Vietnamese "today" (UTC+7), as VietnamClock.Today.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public async Task<DbUser?> FindUserAsync(string userName)
    {
        await using var conn = await db.OpenConnectionAsync();
        var rows = await RowsAsync(conn, """
            SELECT a."Id", a."UserName", o."Id", o."AncestorPath", r."Name"
            FROM "AspNetUsers" AS a
            INNER JOIN "OrgUnits" AS o ON a."OrgUnitId" = o."Id"
            LEFT JOIN "AspNetUserRoles" AS ur ON ur."UserId" = a."Id"
            LEFT JOIN "AspNetRoles" AS r ON r."Id" = ur."RoleId"
            WHERE a."NormalizedUserName" = upper(@name)
            """, CancellationToken.None, P("name", userName));
        if (rows.Count == 0)
        {
            return null;
        }

        var roles = rows.Select(r => r[4] as string).ToHashSet();
        var role = RoleOrder.FirstOrDefault(roles.Contains) ?? "ReadOnly";
        var session = await RowsAsync(conn, """
            SELECT s."Id" FROM "UserSessions" AS s
            WHERE s."UserId" = @id AND s."EndedAtUtc" IS NULL
            ORDER BY s."CreatedAtUtc" DESC
            LIMIT 1
            """, CancellationToken.None, P("id", (string)rows[0][0]));
        return new DbUser((string)rows[0][0], (string)rows[0][1], role, (int)rows[0][2], (string)rows[0][3])
        {
            SessionId = session.Count == 0 ? "" : (string)session[0][0],
        };
    }

    // ------------------------------------------------------------------ per request (every signed-in page and endpoint)

    private static async Task ScopeAsync(NpgsqlConnection c, DbUser u, CancellationToken ct)
    {
        // The session check of the cookie handler (sign-out, lock and password reset end it at once).
        await RowsAsync(c, """
            SELECT u."CreatedAtUtc", a."SecurityStamp", a."LockoutEnd"
            FROM "UserSessions" AS u
            INNER JOIN "AspNetUsers" AS a ON u."UserId" = a."Id"
            WHERE u."Id" = @sessionId AND u."UserId" = @userId AND u."EndedAtUtc" IS NULL
            LIMIT 1
            """, ct, P("sessionId", u.SessionId), P("userId", u.Id));
        await RowsAsync(c, """
            SELECT a."UserName", o."Id" AS "UnitId", o."AncestorPath"
            FROM "AspNetUsers" AS a
            INNER JOIN "OrgUnits" AS o ON a."OrgUnitId" = o."Id"
            WHERE a."Id" = @userId
            LIMIT 1
            """, ct, P("userId", u.Id));
        await RowsAsync(c, """
            SELECT a0."Name"
            FROM "AspNetUserRoles" AS a
            INNER JOIN "AspNetRoles" AS a0 ON a."RoleId" = a0."Id"
            WHERE a."UserId" = @userId
            """, ct, P("userId", u.Id));
    }

    /// <summary>The unread badge of the layout (every Razor page).</summary>
    private static Task NotificationsAsync(NpgsqlConnection c, DbUser u, CancellationToken ct) => RowsAsync(c, """
        SELECT count(*)::int
        FROM "Notifications" AS n
        WHERE n."UserId" = @userId AND n."ReadAtUtc" IS NULL
        """, ct, P("userId", u.Id));

    private const string UnitColumns = """o."Id", o."AncestorPath", o."Code", o."Depth", o."Kind", o."LegalBasis", o."Name", o."ParentId", o."SearchText", o."ShortName", o."ValidFrom", o."ValidTo" """;

    private static Task<List<object[]>> UnitAsync(NpgsqlConnection c, int id, CancellationToken ct) =>
        RowsAsync(c, $"""SELECT {UnitColumns} FROM "OrgUnits" AS o WHERE o."Id" = @id LIMIT 1""", ct, P("id", id));

    private static Task<List<object[]>> UnitsAsync(NpgsqlConnection c, int[] ids, CancellationToken ct) =>
        RowsAsync(c, $"""SELECT {UnitColumns} FROM "OrgUnits" AS o WHERE o."Id" = ANY (@ids)""", ct, P("ids", ids));

    private const string DeadlineRow = """
        SELECT w."Id", w0."Id", w0."Title", o0."Id", o0."Name", w."DueOn", w."OriginalDueOn", w."CompletedOn", w."Progress", w."LastUpdatedAtUtc", w0."Recurrence"
        FROM "WorkItemDeadlines" AS w
        INNER JOIN "WorkItems" AS w0 ON w."WorkItemId" = w0."Id"
        INNER JOIN "OrgUnits" AS o0 ON w."LeadUnitId" = o0."Id"
        """;

    // ------------------------------------------------------------------ pages

    /// <summary>
    /// /Tasks/Board: the scope root, its ancestors, the subtree's unit ids (WorkItemQueries.LedWithinAsync), counts per
    /// lead unit, their paths, the children, overdue and due soon.
    /// </summary>
    public async Task BoardAsync(DbUser u, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var root = (await UnitAsync(c, u.ScopeRootId, ct))[0];
        var rootId = (int)root[0];
        var rootPath = (string)root[1];
        await UnitsAsync(c, DbUser.Ancestors(rootPath).ToArray(), ct);
        var today = Today;
        var soonEnd = today.AddDays(7);
        var units = await SubtreeUnitsAsync(c, rootId, rootPath + rootId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/", ct);
        var byUnit = await RowsAsync(c, """
            SELECT w."LeadUnitId" AS "UnitId", count(*) FILTER (WHERE w."CompletedOn" IS NULL AND w."DueOn" < @today)::int AS "Overdue", count(*) FILTER (WHERE w."CompletedOn" IS NULL AND w."DueOn" >= @today AND w."DueOn" <= @soonEnd)::int AS "Soon", count(*) FILTER (WHERE w."CompletedOn" IS NULL)::int AS "Open", count(*) FILTER (WHERE w."CompletedOn" IS NOT NULL AND w."CompletedOn" <= w."DueOn")::int AS "OnTime", count(*) FILTER (WHERE w."CompletedOn" IS NOT NULL AND w."CompletedOn" > w."DueOn")::int AS "Late"
            FROM "WorkItemDeadlines" AS w
            WHERE w."LeadUnitId" = ANY (@units)
            GROUP BY w."LeadUnitId"
            """, ct, P("today", today), P("soonEnd", soonEnd), P("units", units));
        await UnitsAsync(c, byUnit.Select(r => (int)r[0]).ToArray(), ct);
        await RowsAsync(c, """
            SELECT o."Id", o."Code", o."Name", o."Kind", o."ParentId", o0."Name", o."AncestorPath", o."ValidFrom", o."ValidTo", (
                SELECT count(*)::int
                FROM "OrgUnits" AS o1
                WHERE o1."ParentId" = o."Id" AND (o1."ValidTo" IS NULL OR o1."ValidTo" >= @today))
            FROM "OrgUnits" AS o
            LEFT JOIN "OrgUnits" AS o0 ON o."ParentId" = o0."Id"
            WHERE o."ParentId" = @parentId AND (o."ValidTo" IS NULL OR o."ValidTo" >= @today)
            """, ct, P("today", today), P("parentId", rootId));
        await RowsAsync(c, $"""
            {DeadlineRow}
            WHERE w."LeadUnitId" = ANY (@units) AND w."CompletedOn" IS NULL AND w."DueOn" < @today
            ORDER BY w."DueOn", w."Id"
            LIMIT 50
            """, ct, P("units", units), P("today", today));
        await RowsAsync(c, $"""
            {DeadlineRow}
            WHERE w."LeadUnitId" = ANY (@units) AND w."CompletedOn" IS NULL AND w."DueOn" >= @today AND w."DueOn" <= @soonEnd
            ORDER BY w."DueOn", w."Id"
            LIMIT 50
            """, ct, P("units", units), P("today", today), P("soonEnd", soonEnd));
        await NotificationsAsync(c, u, ct);
    }

    /// <summary>/Tasks (default: my unit's subtree, open deadlines, first page of 50): the subtree's ids, count and page.</summary>
    public async Task UnitTasksAsync(DbUser u, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var units = await SubtreeUnitsAsync(c, u.UnitId, u.OwnSubtreePrefix, ct);
        await RowsAsync(c, """
            SELECT count(*)::int
            FROM "WorkItemDeadlines" AS w
            WHERE w."LeadUnitId" = ANY (@units) AND w."CompletedOn" IS NULL
            """, ct, P("units", units));
        await RowsAsync(c, $"""
            {DeadlineRow}
            WHERE w."LeadUnitId" = ANY (@units) AND w."CompletedOn" IS NULL
            ORDER BY w."CompletedOn" IS NOT NULL, w."DueOn", w."Id"
            LIMIT 50 OFFSET 0
            """, ct, P("units", units));
        await NotificationsAsync(c, u, ct);
    }

    /// <summary>A unit and every unit below it (WorkItemQueries.LedWithinAsync reads them first).</summary>
    private static async Task<int[]> SubtreeUnitsAsync(NpgsqlConnection c, int unitId, string subtreePrefix, CancellationToken ct) =>
        (await RowsAsync(c, """
            SELECT o."Id"
            FROM "OrgUnits" AS o
            WHERE o."Id" = @unitId OR o."AncestorPath" LIKE @subtree
            """, ct, P("unitId", unitId), P("subtree", subtreePrefix + "%"))).Select(r => (int)r[0]).ToArray();

    /// <summary>
    /// /Reports/Rollup/{id}?unitId={root}: the period, the scope, its owner and the root (Rollup.cshtml.cs, LoadAsync),
    /// ReportQueries.RollupAsync, the breadcrumb, then the trend: the periods of the same regime and owner (up to 12) and
    /// one grouped query for the charted indicator (the first rate: its numerator and denominator) over them.
    /// </summary>
    public async Task RollupAsync(DbUser u, int periodId, int rootId, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var period = (await RowsAsync(c, """
            SELECT r."Id", r."ClosedAtUtc", r."CutoffOn", r."DueOn", r."Kind", r."Label", r."OpenedAtUtc", r."OwnerUnitId", r."RegimeId", r."StartOn", r."Year"
            FROM "ReportPeriods" AS r
            WHERE r."Id" = @id
            LIMIT 1
            """, ct, P("id", periodId)))[0];
        await ScopeAsync(c, u, ct);
        var ownerId = (int)period[7];
        var regimeId = (int)period[8];
        var owner = (await UnitAsync(c, ownerId, ct))[0];
        var root = (await UnitAsync(c, rootId, ct))[0];
        var indicators = await RollupOfAsync(c, period, root, ct);

        // The breadcrumb: the root's ancestors from the owner down.
        var ownerPrefix = (string)owner[1] + ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
        await RowsAsync(c, """SELECT o."Id", o."Name", o."AncestorPath" FROM "OrgUnits" AS o WHERE o."Id" = ANY (@ids)""", ct,
            P("ids", DbUser.Ancestors((string)root[1]).Where(a => a == ownerId || !ownerPrefix.Contains($"/{a}/", StringComparison.Ordinal)).ToArray()));

        // The trend chart.
        var periods = await RowsAsync(c, """
            SELECT r."Id", r."ClosedAtUtc", r."CutoffOn", r."DueOn", r."Kind", r."Label", r."OpenedAtUtc", r."OwnerUnitId", r."RegimeId", r."StartOn", r."Year"
            FROM "ReportPeriods" AS r
            WHERE r."RegimeId" = @regimeId AND r."OwnerUnitId" = @ownerId
            ORDER BY r."CutoffOn"
            LIMIT 12
            """, ct, P("regimeId", regimeId), P("ownerId", ownerId));
        var charted = indicators.FirstOrDefault(i => (int)i[1] == 3) ?? indicators.FirstOrDefault();
        if (charted is not null)
        {
            var needed = (int)charted[1] == 3
                ? indicators.Where(i => (string)i[2] == charted[7] as string || (string)i[2] == charted[3] as string).Select(i => (int)i[0]).ToArray()
                : [(int)charted[0]];
            await RowsAsync(c, """
                SELECT r."PeriodId", r."IndicatorId", COALESCE(sum(r."Value"), 0.0) AS "Sum", count(*)::int AS "Count", max(r."Value") AS "Max"
                FROM "ReportValues" AS r
                INNER JOIN "ReportSubmissions" AS r0 ON r."SubmissionId" = r0."Id"
                WHERE r."PeriodId" = ANY (@ids) AND r."IndicatorId" = ANY (@needed) AND r."Value" IS NOT NULL AND r0."PeriodId" = ANY (@ids) AND r0."UnitPath" LIKE @prefix AND r0."Status" IN (2, 4)
                GROUP BY r."PeriodId", r."IndicatorId"
                """, ct, P("ids", periods.Select(p => (int)p[0]).ToArray()), P("needed", needed), P("prefix", SubtreeOf(root) + "%"));
        }

        await NotificationsAsync(c, u, ct);
    }

    private static string SubtreeOf(object[] unit) => (string)unit[1] + ((int)unit[0]).ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    /// <summary>ReportQueries.RollupAsync: indicators, count, figures (grouped by province from the country; each report's below, totals folded in memory), names, missing, late.</summary>
    private static async Task<List<object[]>> RollupOfAsync(NpgsqlConnection c, object[] period, object[] root, CancellationToken ct)
    {
        var periodId = (int)period[0];
        var prefix = SubtreeOf(root);
        var isCountry = (int)root[4] == 1;
        var indicators = await RowsAsync(c, """
            SELECT r."Id", r."Aggregation", r."Code", r."DenominatorCode", r."Group", r."Name", r."NotAboveCode", r."NumeratorCode", r."IsRequired", r."MeasureCode", r."Order", r."RegimeId", r."Unit"
            FROM "ReportIndicators" AS r
            WHERE r."RegimeId" = @regimeId
            ORDER BY r."Order"
            """, ct, P("regimeId", (int)period[8]));
        NpgsqlParameter[] Ps() => [P("periodId", periodId), P("prefix", prefix + "%")];
        const string Counted = """r0."PeriodId" = @periodId AND r0."UnitPath" LIKE @prefix AND r0."Status" IN (2, 4)""";
        await RowsAsync(c, $"""
            SELECT count(*)::int
            FROM "ReportSubmissions" AS r0
            WHERE {Counted}
            """, ct, Ps());
        if (isCountry)
        {
            var latest = indicators.Where(i => (int)i[1] == 5).Select(i => (int)i[0]).ToArray();
            if (latest.Length > 0)
            {
                await RowsAsync(c, $"""
                    SELECT r."IndicatorId", r."Value", r1."SubmittedAtUtc", r1."ProvinceId"
                    FROM "ReportValues" AS r
                    INNER JOIN (SELECT r0."Id", r0."SubmittedAtUtc", r0."ProvinceId" FROM "ReportSubmissions" AS r0 WHERE {Counted}) AS r1 ON r."SubmissionId" = r1."Id"
                    WHERE r."PeriodId" = @periodId AND r."Value" IS NOT NULL AND r."IndicatorId" = ANY (@latest)
                    """, ct, [.. Ps(), P("latest", latest)]);
            }

            await RowsAsync(c, $"""
                SELECT r1."ProvinceId", r."IndicatorId", COALESCE(sum(r."Value"), 0.0) AS "Sum", count(*)::int AS "Count", max(r."Value") AS "Max"
                FROM "ReportValues" AS r
                INNER JOIN (SELECT r0."Id", r0."ProvinceId" FROM "ReportSubmissions" AS r0 WHERE {Counted}) AS r1 ON r."SubmissionId" = r1."Id"
                WHERE r."PeriodId" = @periodId AND r."Value" IS NOT NULL
                GROUP BY r1."ProvinceId", r."IndicatorId"
                """, ct, Ps());
            await RowsAsync(c, $"""
                SELECT r0."ProvinceId" AS "Key", count(*)::int AS "N"
                FROM "ReportSubmissions" AS r0
                WHERE {Counted}
                GROUP BY r0."ProvinceId"
                """, ct, Ps());
            await RowsAsync(c, """SELECT o."Id", o."Name" FROM "OrgUnits" AS o WHERE o."AncestorPath" = @path ORDER BY o."Name" """, ct, P("path", prefix));
        }
        else
        {
            var rows = await RowsAsync(c, $"""
                SELECT r1."Id", r1."UnitId", r1."UnitPath", r1."SubmittedAtUtc", r."IndicatorId", r."Value"
                FROM "ReportValues" AS r
                INNER JOIN (SELECT r0."Id", r0."SubmittedAtUtc", r0."UnitId", r0."UnitPath" FROM "ReportSubmissions" AS r0 WHERE {Counted}) AS r1 ON r."SubmissionId" = r1."Id"
                WHERE r."PeriodId" = @periodId
                """, ct, Ps());
            var children = rows.Select(r => ((string)r[2])[prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())
                .Where(s => s is not null).Select(s => int.Parse(s!, System.Globalization.CultureInfo.InvariantCulture));
            await UnitsAsync(c, rows.Select(r => (int)r[1]).Concat(children).Append(0).Distinct().ToArray(), ct);
        }

        // Missing (pending or returned) and late (submitted after the end of the due day in Việt Nam), 2,000 at most each.
        var dueOn = period[3] is DateOnly d ? d : DateOnly.FromDateTime((DateTime)period[3]);
        var dueEndUtc = dueOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        await RowsAsync(c, """
            SELECT r."Id", r."UnitId", o."Name", r."Status", r."Version", r."SubmittedAtUtc"
            FROM "ReportSubmissions" AS r
            INNER JOIN "OrgUnits" AS o ON r."UnitId" = o."Id"
            WHERE r."PeriodId" = @periodId AND r."UnitPath" LIKE @prefix AND r."Status" IN (1, 3)
            ORDER BY o."Name"
            LIMIT 2000
            """, ct, Ps());
        await RowsAsync(c, """
            SELECT r."Id", r."UnitId", o."Name", r."Status", r."Version", r."SubmittedAtUtc"
            FROM "ReportSubmissions" AS r
            INNER JOIN "OrgUnits" AS o ON r."UnitId" = o."Id"
            WHERE r."PeriodId" = @periodId AND r."UnitPath" LIKE @prefix AND r."Status" IN (2, 4) AND r."SubmittedAtUtc" > @dueEndUtc
            ORDER BY o."Name"
            LIMIT 2000
            """, ct, [.. Ps(), P("dueEndUtc", dueEndUtc)]);
        return indicators;
    }

    // ------------------------------------------------------------------ JSON API

    /// <summary>
    /// GET /api/tasks: every deadline the user may see (led, assigned or coordinated in scope), first page of 50. The
    /// scope's units and the tasks they coordinate are read first and sent as arrays (WorkItemQueries.VisibleToAsync);
    /// the count does not join the names.
    /// </summary>
    public async Task ApiTasksAsync(DbUser u, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var where = "TRUE";
        var ps = new Func<NpgsqlParameter[]>(() => []);
        if (!u.IsAdmin)
        {
            var units = (await RowsAsync(c, """
                SELECT o."Id"
                FROM "OrgUnits" AS o
                WHERE o."Id" = @rootId OR o."AncestorPath" LIKE @prefix
                """, ct, P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%"))).Select(r => (int)r[0]).ToArray();
            var coordinated = (await RowsAsync(c, """
                SELECT DISTINCT w."WorkItemId"
                FROM "WorkItemCoUnits" AS w
                WHERE w."UnitId" = ANY (@units)
                """, ct, P("units", units))).Select(r => (int)r[0]).ToArray();
            where = """w."LeadUnitId" = ANY (@units) OR w."AssignedByUnitId" = ANY (@units) OR w."WorkItemId" = ANY (@coordinated)""";
            ps = () => [P("units", units), P("coordinated", coordinated)];
        }

        await RowsAsync(c, $"""
            SELECT count(*)::int
            FROM "WorkItemDeadlines" AS w
            WHERE {where}
            """, ct, ps());
        await RowsAsync(c, $"""
            SELECT w."Id", w0."Id", w0."Title", o."Id", o."Name", w."DueOn", w."OriginalDueOn", w."CompletedOn", w."Progress", w."LastUpdatedAtUtc", w0."Recurrence"
            FROM "WorkItemDeadlines" AS w
            INNER JOIN "WorkItems" AS w0 ON w."WorkItemId" = w0."Id"
            INNER JOIN "OrgUnits" AS o ON w."LeadUnitId" = o."Id"
            WHERE {where}
            ORDER BY w."DueOn", w."Id"
            LIMIT 50 OFFSET 0
            """, ct, ps());
    }

    /// <summary>GET /api/units: units in scope and in force today, first page of 50 with their child counts.</summary>
    public async Task ApiUnitsAsync(DbUser u, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        NpgsqlParameter[] Ps() => [P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%"), P("today", Today)];
        await RowsAsync(c, """
            SELECT count(*)::int
            FROM "OrgUnits" AS o
            WHERE (o."Id" = @rootId OR o."AncestorPath" LIKE @prefix) AND (o."ValidTo" IS NULL OR o."ValidTo" >= @today)
            """, ct, Ps());
        await RowsAsync(c, """
            SELECT o1."Id", o1."Code", o1."Name", o1."Kind", o1."ParentId", o0."Name", o1."AncestorPath", o1."ValidFrom", o1."ValidTo", (
                SELECT count(*)::int
                FROM "OrgUnits" AS o2
                WHERE o2."ParentId" = o1."Id" AND (o2."ValidTo" IS NULL OR o2."ValidTo" >= @today))
            FROM (
                SELECT o."Id", o."AncestorPath", o."Code", o."Depth", o."Kind", o."Name", o."ParentId", o."SearchText", o."ValidFrom", o."ValidTo", o."Kind" = 6 AS c
                FROM "OrgUnits" AS o
                WHERE (o."Id" = @rootId OR o."AncestorPath" LIKE @prefix) AND (o."ValidTo" IS NULL OR o."ValidTo" >= @today)
                ORDER BY o."Depth", o."Kind" = 6, o."SearchText", o."Id"
                LIMIT 50 OFFSET 0
            ) AS o1
            LEFT JOIN "OrgUnits" AS o0 ON o1."ParentId" = o0."Id"
            ORDER BY o1."Depth", o1.c, o1."SearchText", o1."Id"
            """, ct, Ps());
    }

    /// <summary>GET /api/documents: documents of units above the user or in scope, newest first, first page of 50.</summary>
    public async Task ApiDocumentsAsync(DbUser u, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var above = DbUser.Ancestors(u.AncestorPath).Append(u.UnitId).ToArray();
        const string Visible = """
            d."OwnerUnitId" = ANY (@above) OR EXISTS (
                SELECT 1 FROM "OrgUnits" AS o
                WHERE o."Id" = d."OwnerUnitId" AND (o."Id" = @rootId OR o."AncestorPath" LIKE @prefix))
            """;
        NpgsqlParameter[] Ps() => [P("above", above), P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%")];
        await RowsAsync(c, $"""SELECT count(*)::int FROM "Documents" AS d WHERE {Visible}""", ct, Ps());
        await RowsAsync(c, $"""
            SELECT d."Id", d."Code", d."TypeName", d."Title", d."IssuerName", d."IssuedOn", COALESCE((
                SELECT o0."Name" FROM "OrgUnits" AS o0 WHERE o0."Id" = d."OwnerUnitId" LIMIT 1), ''), EXISTS (
                SELECT 1 FROM "DocumentFiles" AS d0 WHERE d0."DocumentId" = d."Id")
            FROM "Documents" AS d
            WHERE {Visible}
            ORDER BY d."IssuedOn" DESC, d."Id" DESC
            LIMIT 50 OFFSET 0
            """, ct, Ps());
    }

    /// <summary>GET /api/reports/periods: periods owned in scope or with a slot in the own subtree (100 newest), counts by status.</summary>
    public async Task ApiPeriodsAsync(DbUser u, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var where = u.IsAdmin ? "TRUE" : """
            o."AncestorPath" || o."Id"::text || '/' LIKE @prefix OR EXISTS (
                SELECT 1 FROM "ReportSubmissions" AS r1 WHERE r1."PeriodId" = r."Id" AND r1."UnitPath" LIKE @own)
            """;
        var periods = await RowsAsync(c, $"""
            SELECT r."Id", r."Label", r0."Name" AS "Regime", o."Name" AS "Owner", r."DueOn", r."ClosedAtUtc" IS NOT NULL AS "Closed"
            FROM "ReportPeriods" AS r
            INNER JOIN "OrgUnits" AS o ON r."OwnerUnitId" = o."Id"
            INNER JOIN "ReportRegimes" AS r0 ON r."RegimeId" = r0."Id"
            WHERE {where}
            ORDER BY r."Year" DESC, r."Kind" DESC
            LIMIT 100
            """, ct, P("prefix", u.ScopePrefix + "%"), P("own", u.OwnSubtreePrefix + "%"));
        await RowsAsync(c, """
            SELECT r."PeriodId", r."Status", count(*)::int AS "N"
            FROM "ReportSubmissions" AS r
            WHERE r."PeriodId" = ANY (@ids)
            GROUP BY r."PeriodId", r."Status"
            """, ct, P("ids", periods.Select(p => (int)p[0]).ToArray()));
    }

    /// <summary>
    /// POST /api/tasks/{id}/progress: the deadline and its lead unit, then in one transaction the deadline's update,
    /// the progress row and the two audit rows SaveChanges writes.
    /// </summary>
    public async Task ProgressAsync(DbUser u, int deadlineId, int progress, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        // A progress report and a confirmation of the same deadline are serialised (ADR-013): one advisory lock per deadline.
        await using var tx = await c.BeginTransactionAsync(ct);
        await RowsAsync(c, "SELECT pg_advisory_xact_lock(@key)", ct, P("key", BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("deadline-completion:" + deadlineId.ToString(System.Globalization.CultureInfo.InvariantCulture))), 0)));
        var deadline = (await RowsAsync(c, """
            SELECT w."Id", w."AssignedByUnitId", w."CompletedOn", w."CompletionReportedAtUtc", w."DueOn", w."LastUpdatedAtUtc", w."LeadUnitId", w."OriginalDueOn",
                w."Progress", w."ReportedCompletedOn", w."WorkItemId"
            FROM "WorkItemDeadlines" AS w
            WHERE w."Id" = @id
            LIMIT 1
            """, ct, P("id", deadlineId)))[0];
        var lead = (int)deadline[6];
        await UnitAsync(c, lead, ct);
        var now = DateTime.UtcNow;
        var updateId = (await RowsAsync(c, """
            UPDATE "WorkItemDeadlines" SET "LastUpdatedAtUtc" = @now, "Progress" = @progress
            WHERE "Id" = @id;
            INSERT INTO "WorkItemUpdates" ("AtUtc", "CompletedOn", "Completes", "DeadlineId", "Kind", "Note", "Progress", "UserName")
            VALUES (@now, NULL, FALSE, @id, 1, @note, @progress, @user)
            RETURNING "Id";
            """, ct, P("now", now), P("progress", progress), P("id", deadlineId), P("note", "Đo hiệu năng (tham chiếu SQL)"), P("user", u.UserName)))[0][0];
        var stamp = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await RowsAsync(c, """
            INSERT INTO "AuditEntries" ("Action", "ActorUnitId", "AtUtc", "Changes", "EntityId", "EntityType", "UnitId", "UserId", "UserName")
            VALUES ('update', @unit, @now, @changes1, @deadline, 'WorkItemDeadline', @lead, @userId, @user)
            RETURNING "Id";
            INSERT INTO "AuditEntries" ("Action", "ActorUnitId", "AtUtc", "Changes", "EntityId", "EntityType", "UnitId", "UserId", "UserName")
            VALUES ('create', @unit, @now, @changes2, @update, 'WorkItemUpdate', @lead, @userId, @user)
            RETURNING "Id";
            """, ct, P("unit", u.UnitId), P("now", now),
            P("changes1", $$"""{"LastUpdatedAtUtc":["{{stamp}}","{{stamp}}"],"Progress":["0","{{progress}}"]}"""),
            P("changes2", $$"""{"AtUtc":[null,"{{stamp}}"],"Completes":[null,"False"],"DeadlineId":[null,"{{deadlineId}}"],"Note":[null,"Đo hiệu năng (tham chiếu SQL)"],"Progress":[null,"{{progress}}"],"UserName":[null,"{{u.UserName}}"]}"""),
            P("deadline", deadlineId.ToString(System.Globalization.CultureInfo.InvariantCulture)), P("update", Convert.ToString(updateId, System.Globalization.CultureInfo.InvariantCulture)!),
            P("lead", lead), P("userId", u.Id), P("user", u.UserName));
        await tx.CommitAsync(ct);
    }

    // ------------------------------------------------------------------ citizens (issue 13)

    /// <summary>
    /// /Cases (page: the layout's unread badge too) and GET /api/cases: the scope's unit ids (CaseQueries.VisibleToAsync,
    /// ADR-007), the count and the first page of 50, open cases by deadline first, the unit's name per row.
    /// </summary>
    public async Task CasesAsync(DbUser u, string? status, bool page, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var units = (await RowsAsync(c, """
            SELECT o."Id"
            FROM "OrgUnits" AS o
            WHERE o."Id" = @rootId OR o."AncestorPath" LIKE @prefix
            """, ct, P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%"))).Select(r => (int)r[0]).ToArray();
        var filter = status switch
        {
            "open" => """AND c."ClosedOn" IS NULL""",
            "overdue" => """AND c."ClosedOn" IS NULL AND c."State" <> 3 AND c."DueOn" < @today""",
            "mine" => """AND c."HandlerUserId" = @me AND c."ClosedOn" IS NULL""",
            _ => "",
        };
        NpgsqlParameter[] Ps() => [P("units", units), P("today", Today), P("me", u.Id)];
        var count = (int)(await RowsAsync(c, $"""
            SELECT count(*)::int
            FROM "Cases" AS c
            WHERE c."UnitId" = ANY (@units) {filter}
            """, ct, Ps()))[0][0];
        if (count > 0)
        {
            await RowsAsync(c, $"""
                SELECT c."Id", c."Code", c."ReceivedOn", c."Kind", c."Field", c."Summary", c."State", c."DueOn", c."DueExplanation", c."ClosedOnTime", (
                    SELECT o."Name"
                    FROM "OrgUnits" AS o
                    WHERE o."Id" = c."UnitId"
                    LIMIT 1)
                FROM "Cases" AS c
                WHERE c."UnitId" = ANY (@units) {filter}
                ORDER BY c."ClosedOn" IS NOT NULL, c."DueOn", c."ReceivedOn" DESC, c."Id" DESC
                LIMIT 50 OFFSET 0
                """, ct, Ps());
        }

        if (page)
        {
            await CaseFieldNamesAsync(c, ct);
            await NotificationsAsync(c, u, ct);
        }
    }

    /// <summary>The fields' names (table CaseFields, kept by the administrator), read by the register's pages and the dashboard.</summary>
    private static Task<List<object[]>> CaseFieldNamesAsync(NpgsqlConnection c, CancellationToken ct) =>
        RowsAsync(c, """SELECT c."Code", c."Name", c."ValidFrom" FROM "CaseFields" AS c""", ct);

    /// <summary>/Public/Reception: the sessions scheduled from today for 62 days with their unit, count and first page of 50 (no sign-in, no badge).</summary>
    public async Task PublicReceptionAsync(CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var (first, last) = (Today, Today.AddDays(62));
        const string From = """
            FROM "ReceptionSessions" AS r
            INNER JOIN "OrgUnits" AS o ON r."UnitId" = o."Id"
            WHERE r."On" >= @first AND r."On" <= @last AND r."State" = 1
            """;
        var count = (int)(await RowsAsync(c, $"SELECT count(*)::int {From}", ct, P("first", first), P("last", last)))[0][0];
        if (count > 0)
        {
            await RowsAsync(c, $"""
                SELECT r."On", r."Time", r."Kind", r."HostName", r."HostPost", r."Place", o."Name"
                {From}
                ORDER BY r."On", o."Name", r."Id"
                LIMIT 50 OFFSET 0
                """, ct, P("first", first), P("last", last));
        }
    }

    /// <summary>
    /// /Cases/Dashboard: the scope's unit ids (none for the administrator: every case), the open cases grouped by unit
    /// (backlog by age, overdue, the 15 units with most), the year's cases by field, the year's resolutions and how many
    /// on time, the 15 units' names, the badge.
    /// </summary>
    public async Task CasesDashboardAsync(DbUser u, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var scope = "";
        var ps = new List<NpgsqlParameter>();
        if (!u.IsAdmin)
        {
            var units = (await RowsAsync(c, """
                SELECT o."Id"
                FROM "OrgUnits" AS o
                WHERE o."Id" = @rootId OR o."AncestorPath" LIKE @prefix
                """, ct, P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%"))).Select(r => (int)r[0]).ToArray();
            scope = """c."UnitId" = ANY (@units) AND""";
            ps.Add(P("units", units));
        }

        var today = Today;
        var (first, last) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        NpgsqlParameter[] Ps(params NpgsqlParameter[] more) => [.. ps.Select(p => p.Clone()), .. more];
        var byUnit = await RowsAsync(c, $"""
            SELECT c."UnitId", count(*)::int, count(*) FILTER (WHERE c."State" <> 3 AND c."DueOn" < @today)::int,
                count(*) FILTER (WHERE c."ReceivedOn" >= @d10)::int, count(*) FILTER (WHERE c."ReceivedOn" < @d10 AND c."ReceivedOn" >= @d30)::int,
                count(*) FILTER (WHERE c."ReceivedOn" < @d30 AND c."ReceivedOn" >= @d60)::int, count(*) FILTER (WHERE c."ReceivedOn" < @d60 AND c."ReceivedOn" >= @d90)::int,
                count(*) FILTER (WHERE c."ReceivedOn" < @d90)::int
            FROM "Cases" AS c
            WHERE {scope} c."ClosedOn" IS NULL
            GROUP BY c."UnitId"
            """, ct, Ps(P("today", today), P("d10", today.AddDays(-10)), P("d30", today.AddDays(-30)), P("d60", today.AddDays(-60)), P("d90", today.AddDays(-90))));
        await RowsAsync(c, $"""
            SELECT c."Field", count(*)::int
            FROM "Cases" AS c
            WHERE {scope} c."ReceivedOn" >= @first AND c."ReceivedOn" <= @last
            GROUP BY c."Field"
            """, ct, Ps(P("first", first), P("last", last)));
        await RowsAsync(c, $"""
            SELECT count(*)::int, count(*) FILTER (WHERE c."ClosedOnTime")::int
            FROM "Cases" AS c
            WHERE {scope} c."WithinCompetence" AND c."State" = 7 AND c."ClosedOn" >= @first AND c."ClosedOn" <= @last
            LIMIT 1
            """, ct, Ps(P("first", first), P("last", last)));
        var top = byUnit.OrderByDescending(r => (int)r[1]).ThenBy(r => (int)r[0]).Take(15).ToList();
        await CaseFieldNamesAsync(c, ct);
        await RowsAsync(c, """SELECT o."Id", o."Name" FROM "OrgUnits" AS o WHERE o."Id" = ANY (@ids)""", ct, P("ids", top.Select(r => (int)r[0]).ToArray()));
        await NotificationsAsync(c, u, ct);
    }

    /// <summary>Codes of generated cases spread over the table (their receipt key is derived from the code).</summary>
    public async Task<List<string>> GeneratedCaseCodesAsync(int count)
    {
        await using var c = await db.OpenConnectionAsync();
        var rows = await RowsAsync(c, """
            SELECT c."Code" FROM "Cases" AS c
            WHERE c."Id" % 97 = 0 AND c."Summary" LIKE '%(dữ liệu sinh thử)'
            ORDER BY c."Id"
            LIMIT @n
            """, CancellationToken.None, P("n", count));
        return rows.Select(r => (string)r[0]).ToList();
    }

    /// <summary>POST /Public/Cases with a right code and key: the case by code, its unit's name, its steps (no sign-in, no badge).</summary>
    public async Task PublicTrackingAsync(string code, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = (await RowsAsync(c, """
            SELECT c."Id", c."Code", c."AccessKeyHash", c."Kind", c."UnitId", c."ReceivedOn", c."State", c."DueOn", c."DueExplanation", c."ClosedOn"
            FROM "Cases" AS c
            WHERE c."Code" = @code
            LIMIT 1
            """, ct, P("code", code)))[0];
        await RowsAsync(c, """SELECT o."Name" FROM "OrgUnits" AS o WHERE o."Id" = @id LIMIT 2""", ct, P("id", (int)row[4]));
        await RowsAsync(c, """
            SELECT c."On", c."Action", c."StateAfter"
            FROM "CaseSteps" AS c
            WHERE c."CaseId" = @id
            ORDER BY c."On", c."Id"
            """, ct, P("id", (int)row[0]));
    }

    // ------------------------------------------------------------------ listening and scoring (issues 16, 17)

    private const string ScopeUnits = """SELECT o."Id" FROM "OrgUnits" AS o WHERE o."Id" = @rootId OR o."AncestorPath" LIKE @prefix""";

    private const string MineCommitments = """(c."OwnerUnitId" = ANY (@units) OR c."DialogueId" = ANY (@dialogues))""";

    /// <summary>
    /// /Dialogues/Commitments (CommitmentsModel): the scope's unit ids, their dialogues' ids, then by "= ANY" of both the
    /// overdue count, the open ones counted and their first page of 50 with dialogue, opinion and owner.
    /// </summary>
    public async Task CommitmentsAsync(DbUser u, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var today = Today;
        var units = (await RowsAsync(c, ScopeUnits, ct, P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%"))).Select(r => (int)r[0]).ToArray();
        var dialogues = (await RowsAsync(c, """SELECT d."Id" FROM "Dialogues" AS d WHERE d."UnitId" = ANY (@units)""", ct, P("units", units))).Select(r => (int)r[0]).ToArray();
        NpgsqlParameter[] Scope() => [P("units", units), P("dialogues", dialogues), P("today", today)];
        await RowsAsync(c, $"""SELECT count(*)::int FROM "DialogueCommitments" AS c WHERE {MineCommitments} AND c."State" = 1 AND c."DueOn" < @today""", ct, Scope());
        await RowsAsync(c, $"""SELECT count(*)::int FROM "DialogueCommitments" AS c WHERE {MineCommitments} AND c."State" = 1""", ct, Scope());
        await RowsAsync(c, $"""
            SELECT c."Id", d0."Id", d0."UnitId", d0."Topic", d0."HeldOn", o0."Number", c."Content", c."OwnerUnitId", u."Name", c."DueOn", c."State", c."DoneOn", c."DoneNote"
            FROM "DialogueCommitments" AS c
            INNER JOIN "Dialogues" AS d0 ON c."DialogueId" = d0."Id"
            INNER JOIN "DialogueOpinions" AS o0 ON c."OpinionId" = o0."Id"
            INNER JOIN "OrgUnits" AS u ON c."OwnerUnitId" = u."Id"
            WHERE {MineCommitments} AND c."State" = 1
            ORDER BY c."State", c."DueOn", c."Id"
            LIMIT 50 OFFSET 0
            """, ct, Scope());
        await NotificationsAsync(c, u, ct);
    }

    /// <summary>
    /// /Consultations/Details/{id}?handler=Xlsx (ConsultationPage.LoadAsync, FactsAsync): the consultation, silence applied
    /// if due (none here: all recorded), its unit and path, the user's own respondent row, the paragraphs, the
    /// respondents' units, then the province's name, the respondents with their current answers, the current comments.
    /// </summary>
    public async Task SynthesisAsync(DbUser u, int id, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var today = Today;
        await RowsAsync(c, """
            SELECT c."Id", c."UnitId", c."DueOn", c."SilenceRule"
            FROM "Consultations" AS c
            WHERE c."DueOn" < @today AND c."Id" = @id AND EXISTS (SELECT 1 FROM "ConsultationRespondents" AS c0 WHERE c0."ConsultationId" = c."Id" AND c0."State" = 1)
            ORDER BY c."DueOn", c."Id"
            LIMIT 1000
            """, ct, P("today", today), P("id", id));
        var row = (await RowsAsync(c, """
            SELECT c."Id", c."Audience", c."ConcurrencyStamp", c."Contact", c."CreatedAtUtc", c."CreatedBy", c."DraftContent", c."DraftFileName", c."DueExplanation",
                c."DueOn", c."LetterNumber", c."PreviousRoundId", c."Round", c."SearchText", c."SentOn", c."SignerAuthority", c."SignerName", c."SilenceMeansAgreement",
                c."SilenceRule", c."Subject", c."Title", c."UnitId"
            FROM "Consultations" AS c
            WHERE c."Id" = @id
            LIMIT 1
            """, ct, P("id", id)))[0];
        var unitId = (int)row[21];
        var unit = await UnitAsync(c, unitId, ct);
        await RowsAsync(c, """SELECT o."AncestorPath" FROM "OrgUnits" AS o WHERE o."Id" = @id LIMIT 1""", ct, P("id", unitId));
        await RowsAsync(c, """
            SELECT c."Id", c."AnsweredAtUtc", c."ConsultationId", c."CurrentVersion", c."SilenceAppliedAtUtc", c."State", c."UnitId"
            FROM "ConsultationRespondents" AS c
            WHERE c."ConsultationId" = @id AND c."UnitId" = @unit
            LIMIT 1
            """, ct, P("id", id), P("unit", u.UnitId));
        await RowsAsync(c, """
            SELECT d."Id", d."ConsultationId", d."Label", d."Number", d."Text" FROM "DraftParagraphs" AS d WHERE d."ConsultationId" = @id ORDER BY d."Number"
            """, ct, P("id", id));
        await RowsAsync(c, """SELECT c."UnitId" FROM "ConsultationRespondents" AS c WHERE c."ConsultationId" = @id""", ct, P("id", id));
        var province = DbUser.Ancestors((string)unit[0][1]).Skip(1).FirstOrDefault(unitId);
        await RowsAsync(c, """SELECT o."Name" FROM "OrgUnits" AS o WHERE o."Id" = @id LIMIT 2""", ct, P("id", province));
        await RowsAsync(c, """
            SELECT c."Id", c."UnitId", o."Name", o."Code", c."State", c."CurrentVersion", c."AnsweredAtUtc", c."SilenceAppliedAtUtc", c0."SignerName", c0."SignerPosition",
                c0."GeneralComment", c0."Id", c0."FileName"
            FROM "ConsultationRespondents" AS c
            INNER JOIN "OrgUnits" AS o ON c."UnitId" = o."Id"
            LEFT JOIN "ConsultationAnswers" AS c0 ON c."Id" = c0."RespondentId" AND c."CurrentVersion" = c0."Version"
            WHERE c."ConsultationId" = @id
            ORDER BY o."Code"
            """, ct, P("id", id));
        await RowsAsync(c, """
            SELECT c."Id", c."AnswerId", c."ConsultationId", c."Explanation", c."HandledAtUtc", c."HandledBy", c."Handling", c."ParagraphId", c."Text", d."Number", d."Label",
                o."Name", o."Code", c1."UnitId"
            FROM "ConsultationComments" AS c
            INNER JOIN "ConsultationAnswers" AS c0 ON c."AnswerId" = c0."Id"
            INNER JOIN "ConsultationRespondents" AS c1 ON c0."RespondentId" = c1."Id"
            INNER JOIN "DraftParagraphs" AS d ON c."ParagraphId" = d."Id"
            INNER JOIN "OrgUnits" AS o ON c1."UnitId" = o."Id"
            WHERE c."ConsultationId" = @id AND c0."Version" = c1."CurrentVersion"
            ORDER BY d."Number", o."Code", c."Id"
            """, ct, P("id", id));
    }

    /// <summary>GET /Scoring/National?year=Y (ScoringQueries.NationalAsync), the administrator: rounds, grouped counts, the ranked count, its first page.</summary>
    public async Task ScoringNationalAsync(DbUser u, int year, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var rounds = await RowsAsync(c, """
            SELECT s."Id", s."Year", s."State", o."Id", o."Name", o."Code", o."AncestorPath"
            FROM "ScoringRounds" AS s
            INNER JOIN "OrgUnits" AS o ON s."ProvinceUnitId" = o."Id"
            """, ct);
        var ids = rounds.Where(r => (int)r[1] == year).Select(r => (int)r[0]).ToArray();
        var published = rounds.Where(r => (int)r[1] == year && (int)r[2] == 2).Select(r => (int)r[0]).ToArray();
        await RowsAsync(c, """
            SELECT s."RoundId", s."Grade", s."SubmittedAtUtc" IS NOT NULL, count(*)::int,
                count(*) FILTER (WHERE s."FinalTotal" IS NOT NULL AND NOT (s."Disqualified"))::int,
                COALESCE(sum(CASE WHEN s."Disqualified" THEN 0.0 ELSE COALESCE(s."FinalTotal", 0.0) END), 0.0)
            FROM "ScoreSheets" AS s
            WHERE s."RoundId" = ANY (@ids)
            GROUP BY s."RoundId", s."Grade", s."SubmittedAtUtc" IS NOT NULL
            """, ct, P("ids", ids));
        const string Ranked = """
            FROM "ScoreSheets" AS s
            INNER JOIN "OrgUnits" AS o ON s."UnitId" = o."Id"
            WHERE s."RoundId" = ANY (@published) AND s."Group" = 2 AND s."FinalTotal" IS NOT NULL AND NOT (s."Disqualified")
            """;
        await RowsAsync(c, "SELECT count(*)::int " + Ranked, ct, P("published", published));
        await RowsAsync(c, """SELECT s."Id", s."RoundId", o."Name", o."Code", s."FinalTotal", s."Grade" """ + Ranked + """ ORDER BY s."FinalTotal" DESC, o."Code" LIMIT 50 OFFSET 0""",
            ct, P("published", published));
        await NotificationsAsync(c, u, ct);
    }

    /// <summary>
    /// POST /api/scoring/rounds/{id}/measure (ScoringCommands.RemeasureRoundAsync): the round, its province, the framework
    /// with its criteria, the draft sheets with their lines, each measure of the Tây Ninh framework for all the sheets'
    /// units at once (the statements of the measure sources, as the page sends them), then what the database needs to
    /// store the result: one UPDATE of the sheets from arrays, the round, one audit row. The app sends one UPDATE per
    /// changed sheet and line instead (the check shows "differ"; the difference is that work).
    /// </summary>
    public async Task ScoringMeasureAsync(DbUser u, int roundId, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var round = (await RowsAsync(c, """
            SELECT s."Id", s."AppraisalOn", s."FrameworkId", s."MeasuredAtUtc", s."ObjectionDays", s."OpenedAtUtc", s."OpenedBy", s."PeriodFrom", s."PeriodTo",
                s."ProvinceUnitId", s."PublishedAtUtc", s."PublishedBy", s."SelfDue", s."SelfFrom", s."State", s."Year"
            FROM "ScoringRounds" AS s WHERE s."Id" = @id LIMIT 1
            """, ct, P("id", roundId)))[0];
        var from = (DateOnly)round[7];
        var to = (DateOnly)round[8];
        await UnitAsync(c, (int)round[9], ct);
        await RowsAsync(c, """
            SELECT f."Id", f."AppliesToKinds", f."Bands", f."BonusCap", f."Code", c0."Id", c0."Code", c0."DenominatorCode", c0."Kind", c0."MaxPoints", c0."MeasureCode",
                c0."Method", c0."Steps"
            FROM "ScoringFrameworks" AS f
            LEFT JOIN "ScoringCriteria" AS c0 ON f."Id" = c0."FrameworkId"
            WHERE f."Id" = @id
            ORDER BY f."Id"
            """, ct, P("id", (int)round[2]));
        var lines = await RowsAsync(c, """
            SELECT s."Id", s."UnitId", s."ConcurrencyStamp", s0."Id", s0."CriterionId", s0."MeasuredValue", s0."Provenance", s0."SelfPoints"
            FROM "ScoreSheets" AS s
            LEFT JOIN "ScoreLines" AS s0 ON s."Id" = s0."SheetId"
            WHERE s."RoundId" = @id AND s."State" = 1
            ORDER BY s."Id"
            """, ct, P("id", roundId));
        var sheets = lines.Select(l => (int)l[0]).Distinct().ToArray();
        var ids = lines.Select(l => (int)l[1]).Distinct().ToArray();
        NpgsqlParameter[] Range() => [P("ids", ids), P("from", from), P("to", to)];
        // The measures (Features/*/…Measures.cs), each for every unit in one grouped statement.
        await RowsAsync(c, """
            SELECT w."LeadUnitId", count(*)::int, count(*) FILTER (WHERE w."CompletedOn" IS NOT NULL AND w."CompletedOn" <= w."DueOn")::int,
                count(*) FILTER (WHERE w."CompletedOn" IS NOT NULL AND w."CompletedOn" <= @to)::int
            FROM "WorkItemDeadlines" AS w
            WHERE NOT (w."Withdrawn") AND w."LeadUnitId" = ANY (@ids) AND w."DueOn" >= @from AND w."DueOn" <= @to
            GROUP BY w."LeadUnitId"
            """, ct, Range());
        await RowsAsync(c, """
            SELECT r."Id", r."UnitId", r0."Label", r0."DueOn", r."OwnDueOn", r."SubmittedAtUtc", r."Status"
            FROM "ReportSubmissions" AS r
            INNER JOIN "ReportPeriods" AS r0 ON r."PeriodId" = r0."Id"
            WHERE r."UnitId" = ANY (@ids) AND ((r0."DueOn" >= @from AND r0."DueOn" <= @to) OR (r."OwnDueOn" >= @from AND r."OwnDueOn" <= @to))
            """, ct, Range());
        await RowsAsync(c, """
            SELECT c."UnitId", count(*)::int, count(*) FILTER (WHERE c."ClosedOnTime")::int FROM "Cases" AS c
            WHERE c."UnitId" = ANY (@ids) AND c."WithinCompetence" AND c."State" = 7 AND c."ClosedOn" >= @from AND c."ClosedOn" <= @to
            GROUP BY c."UnitId"
            """, ct, Range());
        await RowsAsync(c, """
            SELECT r."UnitId", count(*)::int AS "N" FROM "ReceptionSessions" AS r
            WHERE r."UnitId" = ANY (@ids) AND r."State" = 2 AND r."On" >= @from AND r."On" <= @to AND r."Kind" = 1
            GROUP BY r."UnitId"
            """, ct, Range());
        await RowsAsync(c, """
            SELECT c."UnitId", count(*)::int, count(*) FILTER (WHERE c."State" IN (2, 3))::int
            FROM "ConsultationRespondents" AS c
            INNER JOIN "Consultations" AS c0 ON c."ConsultationId" = c0."Id"
            WHERE c."UnitId" = ANY (@ids) AND c0."DueOn" >= @from AND c0."DueOn" <= @to
            GROUP BY c."UnitId"
            """, ct, Range());
        await RowsAsync(c, """
            SELECT d."UnitId", count(*)::int FROM "Dialogues" AS d
            WHERE d."UnitId" = ANY (@ids) AND d."State" >= 3 AND d."HeldOn" >= @from AND d."HeldOn" <= @to
            GROUP BY d."UnitId"
            """, ct, Range());
        await RowsAsync(c, """
            SELECT d1."UnitId", count(*)::int, count(*) FILTER (WHERE d."AnsweredOnSpot" OR EXISTS (
                    SELECT 1 FROM "DialogueCommitments" AS d2 WHERE d2."OpinionId" = d."Id" AND d2."State" = 2 AND d2."DoneOn" <= @to))::int
            FROM "DialogueOpinions" AS d
            INNER JOIN (SELECT d0."Id", d0."UnitId" FROM "Dialogues" AS d0
                        WHERE d0."UnitId" = ANY (@ids) AND d0."State" >= 3 AND d0."HeldOn" >= @from AND d0."HeldOn" <= @to) AS d1 ON d."DialogueId" = d1."Id"
            GROUP BY d1."UnitId"
            """, ct, Range());
        await RowsAsync(c, """
            SELECT m."UnitId", count(*) FILTER (WHERE m."RegisteredOn" >= @from AND m."RegisteredOn" <= @to AND m."State" <> 2)::int,
                count(*) FILTER (WHERE m."RecognisedOn" >= @from AND m."RecognisedOn" <= @to)::int
            FROM "MobilizationModels" AS m
            WHERE m."UnitId" = ANY (@ids) AND ((m."RegisteredOn" >= @from AND m."RegisteredOn" <= @to) OR (m."RecognisedOn" >= @from AND m."RecognisedOn" <= @to))
            GROUP BY m."UnitId"
            """, ct, Range());
        var now = DateTime.UtcNow;
        await RowsAsync(c, """
            UPDATE "ScoreSheets" AS s SET "ConcurrencyStamp" = gen_random_uuid(), "MeasuredAtUtc" = @now, "UpdatedAtUtc" = @now
            FROM unnest(@sheets) AS x("Id") WHERE s."Id" = x."Id";
            UPDATE "ScoringRounds" SET "MeasuredAtUtc" = @now WHERE "Id" = @id;
            INSERT INTO "AuditEntries" ("Action", "ActorUnitId", "AtUtc", "Changes", "EntityId", "EntityType", "UnitId", "UserId", "UserName")
            VALUES ('bulk', @unit, @now, @changes, '', '*', @unit, @userId, @user)
            RETURNING "Id";
            """, ct, P("sheets", sheets), P("now", now), P("id", roundId), P("unit", u.UnitId), P("userId", u.Id), P("user", u.UserName),
            P("changes", "{\"summary\":\"Cập nhật số liệu tự động (tham chiếu SQL)\",\"counts\":{\"ScoreSheet:update\":" + sheets.Length + "}}"));
        await tx.CommitAsync(ct);
    }

    // ------------------------------------------------------------------ helpers

    // ------------------------------------------------------------------ “Dân vận khéo” models (issue 15)

    /// <summary>
    /// ModelQueries.VisibleToAsync for a user whose scope holds the province (the coordinator): the scope's unit ids are
    /// read first, then the model's unit is one of them (a body is always of its model's province).
    /// </summary>
    private const string VisibleModels = """m."UnitId" = ANY (@units)""";

    /// <summary>
    /// /Models (IndexModel.OnGetAsync): the fields' and levels' names, the units that have a visible model (the unit
    /// filter, 1,000 at most), the count of visible models (of a year if given), their first page of 50 newest first
    /// with the unit's name, the badge.
    /// </summary>
    public async Task ModelsAsync(DbUser u, int? year, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var units = (await RowsAsync(c, """SELECT o."Id" FROM "OrgUnits" AS o WHERE o."Id" = @rootId OR o."AncestorPath" LIKE @prefix""", ct,
            P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%"))).Select(r => (int)r[0]).ToArray();
        NpgsqlParameter[] Visible() => [P("units", units)];
        await RowsAsync(c, """
            SELECT m."Code", (SELECT m0."Name" FROM "ModelFields" AS m0 WHERE m."Code" = m0."Code" ORDER BY m0."ValidFrom" DESC LIMIT 1) AS "Name"
            FROM "ModelFields" AS m
            GROUP BY m."Code"
            """, ct);
        await RowsAsync(c, """
            SELECT r."Code", (SELECT r0."Name" FROM "RecognitionLevels" AS r0 WHERE r."Code" = r0."Code" ORDER BY r0."ValidFrom" DESC LIMIT 1) AS "Name"
            FROM "RecognitionLevels" AS r
            GROUP BY r."Code"
            """, ct);
        var unitIds = (await RowsAsync(c, $"""SELECT DISTINCT m."UnitId" FROM "MobilizationModels" AS m WHERE {VisibleModels}""", ct, Visible()))
            .Select(r => (int)r[0]).ToArray();
        await RowsAsync(c, """
            SELECT o."Id", o."Name"
            FROM "OrgUnits" AS o
            WHERE o."Id" = ANY (@ids)
            ORDER BY o."Name"
            LIMIT 1000
            """, ct, P("ids", unitIds));
        var yearFilter = year is null ? "" : """ AND m."Year" = @year""";
        NpgsqlParameter[] WithYear() => year is { } y ? [.. Visible(), P("year", y)] : Visible();
        await RowsAsync(c, $"""SELECT count(*)::int FROM "MobilizationModels" AS m WHERE {VisibleModels}{yearFilter}""", ct, WithYear());
        await RowsAsync(c, $"""
            SELECT m."Id", m."Name", m."Kind", m."Subject", m."FieldCode", m."Year", m."State", m."LevelCode", m."RegisteredOn", m."RecognisedOn", m."ReplicatedFromId",
                m."UnitId", (SELECT o2."Name" FROM "OrgUnits" AS o2 WHERE o2."Id" = m."UnitId" LIMIT 1)
            FROM "MobilizationModels" AS m
            WHERE {VisibleModels}{yearFilter}
            ORDER BY m."RegisteredOn" DESC, m."Id" DESC
            LIMIT 50 OFFSET 0
            """, ct, WithYear());

        await NotificationsAsync(c, u, ct);
    }

    /// <summary>
    /// /Models/Compliance?year=Y (ComplianceModel.OnGetAsync, the page before obligation tasks): the obliged units of
    /// the scope (the default kinds), how many have no registered model, the first page of 100 fewest models first,
    /// then the counts of that page's units, the badge.
    /// </summary>
    public async Task ModelComplianceAsync(DbUser u, int year, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        const string Units = """o."ValidTo" IS NULL AND o."Kind" IN (12, 13, 14, 3, 4, 5) AND o."AncestorPath" LIKE @prefix""";
        // The page first reads the year's model obligations in scope (tasks with a quota, ADR-015); the generated data has
        // none, so the obliged units are the default kinds and the quota is 1, as below.
        await RowsAsync(c, """
            SELECT w."Title", w."PeriodEnd", w."ModelQuota", count(*)::int
            FROM "WorkItems" AS w
            JOIN "OrgUnits" AS o ON w."LeadUnitId" = o."Id"
            WHERE w."ModelQuota" IS NOT NULL AND w."ModelYear" = @year AND w."WithdrawnAtUtc" IS NULL AND o."AncestorPath" LIKE @prefix
            GROUP BY w."Title", w."PeriodEnd", w."ModelQuota"
            ORDER BY w."PeriodEnd", w."Title"
            LIMIT 20
            """, ct, P("prefix", u.ScopePrefix + "%"), P("year", year));
        const string None = """(SELECT count(*)::int FROM "MobilizationModels" AS m WHERE m."Year" = @year AND m."State" <> 2 AND m."UnitId" = o."Id") < 1""";
        NpgsqlParameter[] Ps() => [P("prefix", u.ScopePrefix + "%"), P("year", year)];
        await RowsAsync(c, $"""SELECT count(*)::int FROM "OrgUnits" AS o WHERE {Units}""", ct, Ps());
        await RowsAsync(c, $"""SELECT count(*)::int FROM "OrgUnits" AS o WHERE {Units} AND {None}""", ct, Ps());
        await RowsAsync(c, $"""SELECT count(*)::int FROM "OrgUnits" AS o WHERE {Units}""", ct, Ps()); // the page's own count (ToPagedListAsync)
        var ids = (await RowsAsync(c, $"""
            SELECT o."Id", o."Name"
            FROM "OrgUnits" AS o
            WHERE {Units}
            ORDER BY (SELECT count(*)::int FROM "MobilizationModels" AS m WHERE m."Year" = @year AND m."State" <> 2 AND m."UnitId" = o."Id"), o."Name", o."Id"
            LIMIT 100 OFFSET 0
            """, ct, Ps())).Select(r => (int)r[0]).ToArray();
        await RowsAsync(c, """
            SELECT m."UnitId", count(*)::int, count(*) FILTER (WHERE m."RecognisedOn" IS NOT NULL)::int, count(*) FILTER (WHERE m."ReplicatedFromId" IS NOT NULL)::int
            FROM "MobilizationModels" AS m
            WHERE m."Year" = @year AND m."State" <> 2 AND m."UnitId" = ANY (@ids)
            GROUP BY m."UnitId"
            """, ct, P("year", year), P("ids", ids));
        await NotificationsAsync(c, u, ct);
    }

    /// <summary>The unit kinds that keep a disclosure register (DisclosureRules.KeepingKinds): communes, wards, special zones; agencies.</summary>
    private static readonly int[] CommuneKinds = [3, 4, 5];

    private static readonly int[] AgencyKinds = [11, 12, 13, 14];

    /// <summary>
    /// GET /Democracy/Disclosures/Compliance?year= (DisclosureQueries.ComplianceAsync): the scope's communes and agencies in
    /// force, the year's disclosures of those units (one array), each scope's item list; then, as the page, every unit's
    /// items in force that year counted disclosed or overdue. Returns the page's summary: units, and units with an overdue item.
    /// </summary>
    public async Task<(int Units, int Overdue)> DisclosureComplianceAsync(DbUser u, int year, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var units = await RowsAsync(c, """
            SELECT o."Id", o."Name", o."Kind"
            FROM "OrgUnits" AS o
            WHERE (o."Id" = @rootId OR o."AncestorPath" LIKE @prefix) AND o."ValidTo" IS NULL AND o."Kind" = ANY (@kinds)
            """, ct, P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%"), P("kinds", CommuneKinds.Concat(AgencyKinds).ToArray()));
        var ids = units.Select(r => (int)r[0]).ToArray();
        var done = (await RowsAsync(c, """
            SELECT d."UnitId", d."ItemCode", d."DisclosedOn", d."Forms", d."RadioDays"
            FROM "Disclosures" AS d
            WHERE d."Year" = @year AND d."UnitId" = ANY (@ids)
            """, ct, P("year", year), P("ids", ids))).Select(r => ((int)r[0], (string)r[1])).ToHashSet();
        var lists = new Dictionary<int, List<(string Code, DateOnly Due)>>();
        foreach (var scope in new[] { 1, 2 })
        {
            var items = await RowsAsync(c, """
                SELECT i."Id", i."Article", i."Code", i."DueDay", i."DueMonth", i."LegalBasis", i."Name", i."RadioDays", i."Scope", i."SortOrder", i."ValidFrom", i."ValidTo"
                FROM "DisclosureItems" AS i
                WHERE i."Scope" = @scope
                ORDER BY i."SortOrder", i."Code"
                """, ct, P("scope", scope));
            // In force some day of the year, the latest version of each code; due on its day of the year, clamped to the month.
            lists[scope] = items
                .Where(i => (DateOnly)i[10] <= new DateOnly(year, 12, 31) && (i[11] is DBNull || (DateOnly)i[11] >= new DateOnly(year, 1, 1)))
                .GroupBy(i => (string)i[2]).Select(g => g.OrderByDescending(i => (DateOnly)i[10]).First())
                .Select(i => ((string)i[2], DueOn(year, (int)i[4], (int)i[3]))).ToList();
        }

        var today = Today;
        var overdue = units.Count(r => lists[CommuneKinds.Contains((int)r[2]) ? 1 : 2].Any(i => today > i.Due && !done.Contains(((int)r[0], i.Code))));
        await NotificationsAsync(c, u, ct);
        return (units.Count, overdue);
    }

    /// <summary>
    /// GET /Democracy/StaffConferences/Compliance?year= (OversightQueries.ComplianceAsync): the conference rules, the scope's
    /// agencies in force, the year's conferences of those agencies (one array). Returns the page's summary: agencies, held, overdue.
    /// </summary>
    public async Task<(int Units, int Held, int Overdue)> StaffConferenceComplianceAsync(DbUser u, int year, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var rules = await RowsAsync(c, """
            SELECT s."Id", s."Code", s."DueDay", s."DueMonth", s."LegalBasis", s."PlenaryBelow", s."ValidFrom", s."ValidTo"
            FROM "StaffConferenceRules" AS s
            """, ct);
        // The rule in force on the year's last day, else the oldest (StaffConferenceRules.RuleFor); due in the next year.
        var end = new DateOnly(year, 12, 31);
        var rule = rules.Where(r => (DateOnly)r[6] <= end && (r[7] is DBNull || (DateOnly)r[7] >= end)).OrderByDescending(r => (DateOnly)r[6]).FirstOrDefault()
            ?? rules.OrderBy(r => (DateOnly)r[6]).First();
        var due = DueOn(year + 1, (int)rule[3], (int)rule[2]);
        var units = await RowsAsync(c, """
            SELECT o."Id", o."Name", o."Kind"
            FROM "OrgUnits" AS o
            WHERE (o."Id" = @rootId OR o."AncestorPath" LIKE @prefix) AND o."ValidTo" IS NULL AND o."Kind" = ANY (@kinds)
            """, ct, P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%"), P("kinds", AgencyKinds));
        var held = await RowsAsync(c, """
            SELECT s."UnitId", s."Id", s."HeldOn"
            FROM "StaffConferences" AS s
            WHERE s."Year" = @year AND s."UnitId" = ANY (@ids)
            """, ct, P("year", year), P("ids", units.Select(r => (int)r[0]).ToArray()));
        await NotificationsAsync(c, u, ct);
        return (units.Count, held.Count, Today > due ? units.Count - held.Count : 0);
    }

    private const string CaseCount = """
        SELECT c."UnitId", count(*)::int
        FROM "Cases" AS c
        WHERE c."UnitId" = ANY (@ids) AND {0}
        GROUP BY c."UnitId"
        """;

    private const string TaskCounts = """
        SELECT w."LeadUnitId", count(*)::int, count(*) FILTER (WHERE w."CompletedOn" IS NOT NULL AND w."CompletedOn" <= w."DueOn")::int,
               count(*) FILTER (WHERE w."CompletedOn" IS NOT NULL AND w."CompletedOn" <= @to)::int
        FROM "WorkItemDeadlines" AS w
        WHERE NOT (w."Withdrawn") AND w."LeadUnitId" = ANY (@ids) AND w."DueOn" >= @from AND w."DueOn" <= @to
        GROUP BY w."LeadUnitId"
        """;

    /// <summary>
    /// The measures the reference computes, by code: one statement per unit list and period returning (unit, values…), and
    /// the column that holds the measure (CaseMeasures, TaskMeasures, DialogueMeasures "doi-thoai-cuoc": counts per unit;
    /// "a+b": the two counted together).
    /// </summary>
    private static readonly Dictionary<string, (string Sql, int Column)> MeasureQueries = new()
    {
        ["don-nhan"] = (string.Format(System.Globalization.CultureInfo.InvariantCulture, CaseCount, """c."ReceivedOn" >= @from AND c."ReceivedOn" <= @to"""), 1),
        ["don-thuoc-tham-quyen"] = (string.Format(System.Globalization.CultureInfo.InvariantCulture, CaseCount, """c."ReceivedOn" >= @from AND c."ReceivedOn" <= @to AND c."WithinCompetence" """), 1),
        ["don-da-giai-quyet"] = (string.Format(System.Globalization.CultureInfo.InvariantCulture, CaseCount, """c."WithinCompetence" AND c."State" = 7 AND c."ClosedOn" >= @from AND c."ClosedOn" <= @to"""), 1),
        ["don-giai-quyet-dung-han"] = (string.Format(System.Globalization.CultureInfo.InvariantCulture, CaseCount, """c."WithinCompetence" AND c."State" = 7 AND c."ClosedOn" >= @from AND c."ClosedOn" <= @to AND c."ClosedOnTime" """), 1),
        ["nhiem-vu-den-han"] = (TaskCounts, 1),
        ["nhiem-vu-dung-han"] = (TaskCounts, 2),
        ["nhiem-vu-hoan-thanh"] = (TaskCounts, 3),
        ["don-da-giai-quyet+don-giai-quyet-dung-han"] = ("""
            SELECT c."UnitId", count(*)::int, count(*) FILTER (WHERE c."ClosedOnTime")::int
            FROM "Cases" AS c
            WHERE c."UnitId" = ANY (@ids) AND c."WithinCompetence" AND c."State" = 7 AND c."ClosedOn" >= @from AND c."ClosedOn" <= @to
            GROUP BY c."UnitId"
            """, 1),
        ["doi-thoai-cuoc"] = ("""
            SELECT d."UnitId", count(*)::int
            FROM "Dialogues" AS d
            WHERE d."UnitId" = ANY (@ids) AND d."State" >= 3 AND d."HeldOn" >= @from AND d."HeldOn" <= @to
            GROUP BY d."UnitId"
            """, 1),
    };

    /// <summary>The standings in the order the page lists them (TargetsModel.StandingOrder, then the enum's), with their labels.</summary>
    public static readonly (string Standing, string Label)[] Standings =
        [("OffTrack", "Chưa đạt"), ("OnTrack", "Đúng tiến độ"), ("NoData", "Chưa có số liệu"), ("Met", "Đạt"), ("NotStarted", "Chưa đến kỳ"), ("NotLinked", "Chưa gắn số liệu theo dõi")];

    /// <summary>
    /// GET /Plans/Targets?year= (TargetMeasuring.InScopeAsync and ReadAsync) with the least SQL that gives its figures: the
    /// live targets of the plans owned in scope, issued within a year of it (one query; the plan's year is read from its title
    /// as TargetProgress.PlanYear does); the measured units' subtrees (one UNION of the outermost roots per 20, as the page,
    /// each returning only id and parent); one grouped count per unit for each source of the linked measures (ADR-029: cases
    /// resolved and on time together, over the index IX_Cases_Closed; deadlines; dialogues); then each target's value (numerator ÷ denominator summed over its subtree, rounded down to 0.1)
    /// and standing. Returns the count of targets per standing. Only the case register's measures are known here: a target
    /// linked to another is counted as not linked, and the figure check says so.
    /// </summary>
    public async Task<Dictionary<string, int>> TargetsAsync(DbUser u, int year, CancellationToken ct, bool layout = true)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await ScopeAsync(c, u, ct);
        var counts = await TargetCountsAsync(c, u, year, ct);
        if (layout)
        {
            await NotificationsAsync(c, u, ct);
        }

        return counts;
    }

    private static async Task<Dictionary<string, int>> TargetCountsAsync(NpgsqlConnection c, DbUser u, int year, CancellationToken ct)
    {
        var rows = await RowsAsync(c, """
            SELECT p."Id", d."Title", d."IssuedOn", p."Comparison", p."Value", p."Unit", p."MeasureCode", p."DenominatorCode", o."Id", o."AncestorPath"
            FROM "PlanTargets" AS p
            INNER JOIN "Plans" AS p0 ON p."PlanId" = p0."Id"
            INNER JOIN "Documents" AS d ON p0."DocumentId" = d."Id"
            INNER JOIN "OrgUnits" AS o ON COALESCE(p."ResponsibleUnitId", p0."OwnerUnitId") = o."Id"
            WHERE p."WithdrawnAtUtc" IS NULL AND p."DroppedReason" IS NULL AND p0."WithdrawnAtUtc" IS NULL
              AND p0."OwnerUnitId" IN (SELECT s."Id" FROM "OrgUnits" AS s WHERE s."Id" = @rootId OR s."AncestorPath" LIKE @prefix)
              AND d."IssuedOn" >= @from AND d."IssuedOn" <= @to
            ORDER BY p0."Id", p."Id"
            LIMIT 20000
            """, ct, P("rootId", u.ScopeRootId), P("prefix", u.ScopePrefix + "%"), P("from", new DateOnly(year - 1, 1, 1)), P("to", new DateOnly(year + 1, 12, 31)));
        var targets = rows.Select(r => new
        {
            Year = PlanYear((string)r[1], r[2] is DateOnly on ? on : new DateOnly(2000, 1, 1)), Comparison = (string)r[3], Level = (int)r[4], Unit = (string)r[5],
            Code = r[6] as string, Denominator = r[7] as string, UnitId = (int)r[8], Prefix = (string)r[9] + ((int)r[8]).ToString(System.Globalization.CultureInfo.InvariantCulture) + "/",
        }).Where(t => t.Year == year).ToList();
        var today = Today;
        var elapsed = today < new DateOnly(year, 1, 1) ? 0 : today >= new DateOnly(year, 12, 31) ? 1 : (today.DayNumber - new DateOnly(year, 1, 1).DayNumber + 1) / (double)(new DateOnly(year, 12, 31).DayNumber - new DateOnly(year, 1, 1).DayNumber + 1);
        bool Known(string? code) => code is not null && MeasureQueries.ContainsKey(code);
        var linked = targets.Where(t => Known(t.Code) && (t.Denominator is null || Known(t.Denominator))).ToList();
        var counts = Standings.ToDictionary(s => s.Standing, _ => 0);
        counts["NotLinked"] = targets.Count - linked.Count;
        if (elapsed <= 0 || linked.Count == 0)
        {
            counts["NotStarted"] = linked.Count;
            return counts;
        }

        // The outermost roots, read 20 to a statement; each root's members by walking the parents down.
        var roots = linked.Select(t => (t.UnitId, t.Prefix)).Distinct().ToList();
        var rootIds = roots.Select(r => r.UnitId).ToHashSet();
        var outer = roots.Where(r => !DbUser.Ancestors(r.Prefix).SkipLast(1).Any(rootIds.Contains)).ToList();
        var children = new Dictionary<int, List<int>>();
        foreach (var chunk in outer.Chunk(20))
        {
            var sql = """SELECT o."Id", o."ParentId" FROM "OrgUnits" AS o WHERE o."Id" = ANY (@ids)"""
                + string.Concat(chunk.Select((_, i) => $"""

                    UNION
                    SELECT o."Id", o."ParentId" FROM "OrgUnits" AS o WHERE o."AncestorPath" LIKE @p{i}
                    """));
            var parameters = chunk.Select((r, i) => P($"p{i}", r.Prefix + "%")).Prepend(P("ids", chunk.Select(r => r.UnitId).ToArray())).ToArray();
            foreach (var unit in await RowsAsync(c, sql, ct, parameters))
            {
                if (unit[1] is int parent)
                {
                    (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add((int)unit[0]);
                }
            }
        }

        var members = roots.ToDictionary(r => r.UnitId, r =>
        {
            var all = new List<int> { r.UnitId };
            for (var i = 0; i < all.Count; i++)
            {
                all.AddRange(children.GetValueOrDefault(all[i]) ?? []);
            }

            return all;
        });
        var to = today < new DateOnly(year, 12, 31) ? today : new DateOnly(year, 12, 31);
        // As MeasureRegistry.ComputeManyAsync (ADR-029): each source once for all its codes over the units of every linked target;
        // the deadlines' three counts come from one query, cases resolved and on time from one.
        var ids = members.Values.SelectMany(m => m).Distinct().ToArray();
        var codes = linked.SelectMany(t => new[] { t.Code!, t.Denominator }).OfType<string>().ToHashSet();
        var statements = new List<(string Sql, Dictionary<string, int> Columns)>();
        if (codes.Contains("don-da-giai-quyet") && codes.Contains("don-giai-quyet-dung-han"))
        {
            statements.Add((MeasureQueries["don-da-giai-quyet+don-giai-quyet-dung-han"].Sql, new() { ["don-da-giai-quyet"] = 1, ["don-giai-quyet-dung-han"] = 2 }));
            codes.ExceptWith(["don-da-giai-quyet", "don-giai-quyet-dung-han"]);
        }

        var tasks = codes.Where(code => code.StartsWith("nhiem-vu-", StringComparison.Ordinal)).ToList();
        if (tasks.Count > 0)
        {
            statements.Add((TaskCounts, tasks.ToDictionary(code => code, code => MeasureQueries[code].Column)));
            codes.ExceptWith(tasks);
        }

        statements.AddRange(codes.Select(code => (MeasureQueries[code].Sql, new Dictionary<string, int> { [code] = MeasureQueries[code].Column })));
        var values = new Dictionary<string, Dictionary<int, int>>();
        foreach (var (query, columns) in statements)
        {
            var result = await RowsAsync(c, query, ct, P("ids", ids), P("from", new DateOnly(year, 1, 1)), P("to", to));
            foreach (var (code, column) in columns)
            {
                values[code] = result.ToDictionary(r => (int)r[0], r => (int)r[column]);
            }
        }

        foreach (var t in linked)
        {
            decimal Sum(string code) => members[t.UnitId].Sum(id => (decimal)values[code].GetValueOrDefault(id));
            var n = Sum(t.Code!);
            decimal? value = t.Denominator is null ? n : Sum(t.Denominator) is var d && d > 0 ? Math.Round(100m * n / d, 1, MidpointRounding.ToZero) : null;
            counts[Standing(t.Comparison, t.Level, t.Unit, value, elapsed)]++;
        }

        return counts;
    }

    /// <summary>TargetProgress.Read's standing for a linked target under way.</summary>
    private static string Standing(string comparison, int level, string unit, decimal? value, double elapsed)
    {
        if (value is not { } v)
        {
            return "NoData";
        }

        var ceiling = comparison is "<" or "<=";
        var meets = comparison switch { ">" => v > level, ">=" => v >= level, "<" => v < level, "<=" => v <= level, _ => v == level };
        if (meets)
        {
            return "Met";
        }

        return unit == "%" || ceiling || elapsed >= 1 || v < Math.Floor(level * (decimal)Math.Clamp(elapsed, 0, 1)) ? "OffTrack" : "OnTrack";
    }

    /// <summary>TargetProgress.PlanYear: "… năm 2026" in the title when within a year of its date, else the year it was issued.</summary>
    private static int PlanYear(string title, DateOnly issuedOn)
    {
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(title.Normalize(System.Text.NormalizationForm.FormC), @"năm\s+(\d{4})\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
        {
            var y = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (Math.Abs(y - issuedOn.Year) <= 1)
            {
                return y;
            }
        }

        return issuedOn.Year;
    }

    private static DateOnly DueOn(int year, int month, int day)
    {
        month = Math.Clamp(month, 1, 12);
        return new DateOnly(year, month, Math.Clamp(day, 1, DateTime.DaysInMonth(year, month)));
    }

    private static NpgsqlParameter P(string name, object value) => new(name, value);

    /// <summary>Runs one command (possibly several statements) and reads every row of every result.</summary>
    private static async Task<List<object[]>> RowsAsync(NpgsqlConnection c, string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddRange(parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<object[]>();
        do
        {
            while (await reader.ReadAsync(ct))
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(values);
            }
        }
        while (await reader.NextResultAsync(ct));

        return rows;
    }
}
