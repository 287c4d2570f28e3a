using DanVan.Data;
using DanVan.Domain.Access;
using System.Text;
using DanVan.Features.Demo;
using DanVan.Features.Import;
using DanVan.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>The command-line verbs of the same binary: dotnet run --project src/DanVan -- &lt;verb&gt;.</summary>
public static class Cli
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "create-admin", "import-units", "schema-script", "parse-document", "generate-data", "deadline", "rotate-identity-key", "help", "--help"];

    public static bool IsVerb(string arg) => Verbs.Contains(arg, StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args[0].ToLowerInvariant();
        if (verb is "help" or "--help")
        {
            PrintHelp();
            return 0;
        }

        var rest = args.Skip(1).ToArray();
        if (verb == "parse-document")
        {
            // No web host and no database: fast, and standard output carries the JSON only.
            if (Console.OutputEncoding.CodePage != Encoding.UTF8.CodePage)
            {
                Console.OutputEncoding = new UTF8Encoding(false);
            }

            return await ParseDocumentCommand.RunAsync(rest, Console.Out, Console.Error, stderrIsTerminal: !Console.IsErrorRedirected);
        }

        if (verb == "deadline" && Console.OutputEncoding.CodePage != Encoding.UTF8.CodePage)
        {
            Console.OutputEncoding = new UTF8Encoding(false);
        }

        var builder = WebApplication.CreateBuilder(rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        DanVanApp.AddServices(builder);
        await using var app = builder.Build();
        try
        {
            return verb switch
            {
                "migrate" => await MigrateAsync(app.Services),
                "seed-demo" => await SeedDemoAsync(app.Services),
                "create-admin" => await CreateAdminAsync(app.Services, rest),
                "import-units" => await ImportUnitsAsync(app.Services, rest),
                "schema-script" => await SchemaScriptAsync(app.Services),
                "generate-data" => await GenerateDataAsync(app.Services, rest),
                "deadline" => await DeadlineAsync(app.Services, rest),
                "rotate-identity-key" => await RotateIdentityKeyAsync(app.Services, rest),
                _ => 2,
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or DbUpdateException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync("Lỗi: " + ex.Message);
            return 1;
        }
    }

    public static void PrintDemoLogins(IEnumerable<string> urls)
    {
        Console.WriteLine();
        Console.WriteLine($"DanVan đang chạy tại: {string.Join(", ", urls)}");
        Console.WriteLine($"Tài khoản demo (mật khẩu chung: {DemoSeeder.DemoPassword}):");
        foreach (var a in DemoSeeder.Accounts)
        {
            Console.WriteLine($"  {a.UserName,-10} {Roles.Label(a.Role)} — {a.FullName}");
        }

        Console.WriteLine();
    }

    private static void PrintHelp()
    {
        Console.WriteLine("""
            DanVan — các lệnh dòng lệnh (dotnet run --project src/DanVan -- <lệnh>):
              migrate                     tạo hoặc nâng cấp cơ sở dữ liệu
              seed-demo                   nạp dữ liệu minh họa (danh mục đơn vị, tỉnh Tây Ninh, tài khoản demo)
              create-admin --username U --password P [--name "Họ tên"] [--unit MÃ]
                                          tạo tài khoản quản trị hệ thống
              import-units <tệp.json>     nhập danh mục tỉnh và xã, phường (định dạng data/vn-admin-units)
              schema-script               in lệnh SQL tạo lược đồ từ mô hình (dùng khi viết migration)
              parse-document <tệp>        đọc một văn bản (.docx, .pdf có lớp chữ, .txt UTF-8), in kết quả JSON
              parse-document <thư mục> [--out <thư mục>]
                                          đọc mọi tệp .docx/.pdf/.txt, ghi <tên>.json vào --out (mặc định <thư mục>/parsed)
              deadline <mã quy tắc> --from yyyy-MM-dd [--complex] [--especially-complex] [--remote] [--several-places]
                       [--extensions N] [--extra-days N] [--suspended yyyy-MM-dd..yyyy-MM-dd] [--instance 1|2] [--dismissal]
                                          tính hạn theo quy tắc thời hạn của luật, in JSON {rule, deadline, counting, days, basis}
              deadline --list             in mọi quy tắc thời hạn cùng căn cứ pháp lý
              rotate-identity-key [--reseal-only]
                                          thêm khóa mới mã hóa danh tính người tố cáo (Cases:IdentityKeyFolder) và mã hóa lại
                                          mọi danh tính đang dùng khóa cũ; khóa cũ giữ lại cho tới khi quản trị viên xóa
              generate-data --scale province|national [--seed N] [--force]
                                          sinh dữ liệu đo hiệu năng (toàn quốc: ~36.000 đơn vị, 100.000 tài khoản,
                                          500.000 nhiệm vụ, 3 năm báo cáo); bỏ qua nếu đã sinh
            Cấu hình cơ sở dữ liệu: --Database:Provider=Postgres --ConnectionStrings:Postgres="Host=...;..."
            """);
    }

    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var applied = await SchemaMigrator.MigrateAsync(db);
        await ReferenceData.EnsureAsync(db);
        Console.WriteLine(applied.Count == 0
            ? "Cơ sở dữ liệu đã ở phiên bản mới nhất."
            : $"Đã áp dụng {applied.Count} bản nâng cấp: {string.Join(", ", applied)}.");
        return 0;
    }

    private static async Task<int> DeadlineAsync(IServiceProvider services, string[] args)
    {
        // Arguments first: a malformed call answers without touching the database.
        var parsed = Features.Deadlines.DeadlineCommand.Parse(args);
        if (parsed.Error is not null)
        {
            await Console.Error.WriteLineAsync("Lỗi: " + parsed.Error);
            return 2;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await SchemaMigrator.MigrateAsync(db);
        await ReferenceData.EnsureAsync(db);
        return await Features.Deadlines.DeadlineCommand.RunAsync(
            scope.ServiceProvider.GetRequiredService<Features.Deadlines.StatutoryDeadlines>(), args, Console.Out, Console.Error);
    }

    /// <summary>
    /// Key rotation for sealed denouncer identities (ADR-011): a new key seals from now on, and every identity sealed with
    /// an older key is opened and sealed again with it, 500 at a time, each batch in its own transaction. A value that does
    /// not open (key file gone, tampered) is left as it is and counted. Old key files stay until an operator removes them.
    /// </summary>
    private static async Task<int> RotateIdentityKeyAsync(IServiceProvider services, string[] args)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IdentityProtector>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var key = args.Contains("--reseal-only") ? protector.CurrentKeyId : protector.AddKey(clock);
        int resealed = 0, failed = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await (from i in db.CaseIdentities
                               join c in db.Cases on i.CaseId equals c.Id
                               where i.KeyId != key && i.CaseId > lastId
                               orderby i.CaseId
                               select new { Identity = i, c.Code }).Take(500).ToListAsync();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var row in batch)
            {
                if (protector.Reseal(row.Identity.KeyId, row.Identity.Sealed, row.Code) is { } again)
                {
                    (row.Identity.KeyId, row.Identity.Sealed) = again;
                    resealed++;
                }
                else
                {
                    failed++;
                }
            }

            lastId = batch[^1].Identity.CaseId;
            db.BulkAuditSummary = $"Mã hóa lại danh tính người tố cáo bằng khóa {key}";
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var vi = Domain.Text.VietnameseText.Culture;
        Console.WriteLine(string.Format(vi, "Khóa đang dùng: {0}. Đã mã hóa lại {1:N0} danh tính người tố cáo; {2:N0} không mở được (giữ nguyên, cần khóa cũ).", key, resealed, failed));
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services)
    {
        await DanVanApp.PrepareDatabaseAsync(services, seedDemo: true);
        Console.WriteLine("Đã nạp dữ liệu minh họa.");
        PrintDemoLogins([]);
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        var userName = Option(args, "--username");
        var password = Option(args, "--password");
        if (userName is null || password is null)
        {
            await Console.Error.WriteLineAsync("Cần --username và --password. Ví dụ: create-admin --username quantri --password 'MatKhau@2026'");
            return 2;
        }

        await DanVanApp.PrepareDatabaseAsync(services, seedDemo: false);
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (!await roles.RoleExistsAsync(Roles.Admin))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Admin));
        }

        var unitCode = Option(args, "--unit") ?? UnitImporter.CountryCode;
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode);
        if (unit is null && unitCode == UnitImporter.CountryCode)
        {
            unit = new Domain.Units.OrgUnit { Code = UnitImporter.CountryCode, Kind = Domain.Units.OrgUnitKind.Country };
            unit.SetName("Việt Nam");
            unit.PlaceUnder(null);
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
        }

        if (unit is null)
        {
            await Console.Error.WriteLineAsync($"Không tìm thấy đơn vị có mã \"{unitCode}\".");
            return 1;
        }

        var user = new AppUser
        {
            UserName = userName,
            FullName = Option(args, "--name") ?? "Quản trị hệ thống",
            OrgUnitId = unit.Id,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("Không tạo được tài khoản: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        Console.WriteLine($"Đã tạo tài khoản quản trị \"{userName}\" thuộc {unit.Name}.");
        return 0;
    }

    private static async Task<int> ImportUnitsAsync(IServiceProvider services, string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null)
        {
            await Console.Error.WriteLineAsync("Cần đường dẫn tệp: import-units <tệp.json>");
            return 2;
        }

        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"Không tìm thấy tệp \"{file}\".");
            return 1;
        }

        await DanVanApp.PrepareDatabaseAsync(services, seedDemo: false);
        using var scope = services.CreateScope();
        await using var stream = File.OpenRead(file);
        var summary = await scope.ServiceProvider.GetRequiredService<UnitImporter>().ImportAsync(stream);
        Console.WriteLine($"Đã đọc {summary.Provinces} tỉnh, thành phố và {summary.Communes} xã, phường, đặc khu: thêm mới {summary.Added}, đổi tên {summary.Renamed}.");
        return 0;
    }

    private static Task<int> SchemaScriptAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        Console.WriteLine(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GenerateCreateScript());
        return Task.FromResult(0);
    }

    private static async Task<int> GenerateDataAsync(IServiceProvider services, string[] args)
    {
        var scaleText = Option(args, "--scale") ?? "province";
        if (!Enum.TryParse<Generation.DataScale>(scaleText, ignoreCase: true, out var scale) || !Enum.IsDefined(scale))
        {
            await Console.Error.WriteLineAsync("--scale phải là province hoặc national.");
            return 2;
        }

        var seedText = Option(args, "--seed") ?? "1";
        if (!int.TryParse(seedText, System.Globalization.CultureInfo.InvariantCulture, out var seed))
        {
            await Console.Error.WriteLineAsync("--seed phải là một số nguyên.");
            return 2;
        }

        await DanVanApp.PrepareDatabaseAsync(services, seedDemo: true);
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (!args.Contains("--force") && await db.ReportRegimes.AnyAsync(r => r.Code == Generation.DataGenerator.RegimeCode))
        {
            Console.WriteLine("Cơ sở dữ liệu đã có dữ liệu sinh (bỏ qua; dùng --force để sinh thêm).");
            return 0;
        }

        var generator = new Generation.DataGenerator(db, sp.GetRequiredService<IPasswordHasher<AppUser>>(), sp.GetRequiredService<TimeProvider>());
        var interactive = !Console.IsErrorRedirected;
        var lastStage = "";
        var lastBucket = -1;
        var summary = await generator.GenerateAsync(scale, seed, (stage, fraction) =>
        {
            var pct = (int)Math.Round(100 * Math.Clamp(fraction, 0, 1));
            var line = $"[{new string('#', pct / 5)}{new string('.', 20 - pct / 5)}] {pct,3}% {stage}";
            if (interactive)
            {
                Console.Error.Write("\r" + line.PadRight(60));
            }
            else if (stage != lastStage || pct / 25 != lastBucket)
            {
                Console.Error.WriteLine(line); // a log, not a terminal: one line per stage and quarter
            }

            (lastStage, lastBucket) = (stage, pct / 25);
        });
        if (interactive)
        {
            Console.Error.WriteLine();
        }

        var vi = Domain.Text.VietnameseText.Culture;
        Console.WriteLine(string.Format(vi, "Đã sinh: {0:N0} đơn vị, {1:N0} tài khoản, {2:N0} kế hoạch, {3:N0} nhiệm vụ, {4} kỳ báo cáo với {5:N0} báo cáo và {6:N0} số liệu, "
            + "{8:N0} buổi tiếp công dân, {9:N0} đơn thư với {10:N0} bước xử lý, {11:N0} cuộc đối thoại với {12:N0} ý kiến và {13:N0} nội dung cần giải quyết, "
            + "{14:N0} cuộc lấy ý kiến dự thảo với {15:N0} đơn vị được lấy ý kiến và {16:N0} ý kiến góp ý, {17:N0} kỳ chấm điểm với {18:N0} phiếu và {19:N0} dòng điểm, "
            + "{20:N0} mô hình “Dân vận khéo” ({22:N0} nhân rộng) với {21:N0} bước, {23:N0} lần công khai, {24:N0} nội dung Nhân dân bàn và quyết định, "
            + "{28:N0} đợt lấy ý kiến Nhân dân, {25:N0} cán bộ trong danh sách và {26:N0} buổi tuyên truyền, tập huấn với {27:N0} lượt cán bộ có mặt, "
            + "{29:N0} Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng với {30:N0} cuộc kiểm tra, giám sát và {31:N0} Hội nghị cán bộ, công chức, viên chức, {32:N0} kết quả chỉ số trong {7:N0} giây.",
            summary.Units, summary.Users, summary.Documents, summary.Tasks, summary.Periods, summary.Submissions, summary.Values, summary.Elapsed.TotalSeconds,
            summary.ReceptionSessions, summary.Cases, summary.CaseSteps, summary.Dialogues, summary.Opinions, summary.Commitments, summary.Consultations,
            summary.Respondents, summary.Comments, summary.ScoringRounds, summary.ScoreSheets, summary.ScoreLines, summary.Models, summary.ModelSteps,
            summary.Replications, summary.Disclosures, summary.PeopleDecisions, summary.Staff, summary.TrainingSessions, summary.Attendances, summary.PeopleConsultations,
            summary.OversightBoards, summary.OversightActivities, summary.StaffConferences, summary.IndexValues));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
