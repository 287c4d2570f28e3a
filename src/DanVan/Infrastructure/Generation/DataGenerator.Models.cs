using DanVan.Domain.Models;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

/// <summary>
/// “Dân vận khéo” models (issue 15), 2024–2026: every obliged unit (the compliance view's kinds: agencies, public
/// service units, communes, wards, special zones) registers 0–3 a year, about 7 % none in a year (nationally about
/// 50,000–60,000 a year). States follow age: the current year mostly registered, approved or launched; older ones
/// launched, reviewed, recognised at the base or provincial level, some removed with a reason, some returned. About a
/// tenth of the 2025–2026 registrations replicate a model of another unit of the province recognised before (with a
/// <see cref="ModelAction.Replicated"/> step on the original). Every model has the step log its state implies.
/// </summary>
public sealed partial class DataGenerator
{
    /// <summary>The situation entry of every generated model (tests tell them from the demo's by it).</summary>
    public const string GeneratedModelSituation = "Trên địa bàn còn nhiều khó khăn, người dân chưa đồng thuận cao (dữ liệu sinh thử).";

    private static readonly string[] ModelNames =
    [
        "Dân vận khéo trong vận động hiến đất làm đường", "Tuyến đường hoa nông thôn mới", "Chính quyền lắng nghe, người dân tin tưởng",
        "Một cửa thân thiện, người dân hài lòng", "Tổ hợp tác trồng rau an toàn", "Camera an ninh khu dân cư", "Ngôi nhà nhân ái",
        "Phân loại rác tại nguồn", "Cán bộ gần dân, hiểu dân", "Bữa sáng yêu thương cho học sinh", "Tủ sách pháp luật cộng đồng", "Khu dân cư không có tội phạm",
    ];

    private static readonly string[] RemoveReasons =
        ["Mô hình không còn duy trì hoạt động sau sơ kết.", "Đơn vị đề nghị rút khỏi danh mục do sáp nhập địa bàn.", "Không đạt hiệu quả theo kết quả đánh giá."];

    private sealed record PlannedModel(Unit Unit, int Body, int Year, DateOnly RegisteredOn, ModelStatus State, bool ReturnedOnce, DateOnly? ApprovedOn, DateOnly? LaunchedOn,
        DateOnly? ReviewedOn, DateOnly? RecognisedOn, string? Level, int? RecognisedBy, DateOnly? CommendedOn, DateOnly? RemovedOn, string Field, string Name)
    {
        public int Province { get; init; }

        public int? ReplicatedFrom { get; set; }

        public int Id { get; set; }
    }

    private async Task<(long Models, long Steps, long Replications)> GenerateModelsAsync(BulkInsert bulk, Random rng, List<Unit> all, DateOnly today, DateTime now,
        Action<string, double> report, CancellationToken ct)
    {
        report("Mô hình Dân vận khéo", 0);
        var obliged = all.Where(u => u.Kind is OrgUnitKind.Department or OrgUnitKind.Inspectorate or OrgUnitKind.PublicServiceUnit or OrgUnitKind.Commune
            or OrgUnitKind.Ward or OrgUnitKind.SpecialZone).ToList();
        var byId = all.ToDictionary(u => u.Id);
        var snvByProvince = all.Where(u => u.Kind == OrgUnitKind.Department && u.Name.StartsWith("Sở Nội vụ", StringComparison.Ordinal))
            .GroupBy(u => ProvinceOf(u.Path)).ToDictionary(g => g.Key, g => g.First().Id);
        string[] fields = ["KT", "VHXH", "QPAN", "XDHTCT"];
        var plan = new List<PlannedModel>();
        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            foreach (var u in obliged)
            {
                var r = rng.NextDouble();
                // 0–4 a year, 2.8 on average: about 60,000 a year for the country's ~21,000 obliged units (issue 15's scale).
                var n = r < 0.05 ? 0 : r < 0.15 ? 1 : r < 0.35 ? 2 : r < 0.65 ? 3 : 4;
                var province = ProvinceOf(u.Path);
                var snv = snvByProvince.GetValueOrDefault(province, province);
                // Units of a commune register with the commune; the commune and the province's agencies with the Sở Nội vụ.
                var body = u.Depth >= 3 && byId.ContainsKey(u.ParentId) ? u.ParentId : u.Id == snv ? province : snv;
                var baseGrantor = u.Depth >= 3 && byId.ContainsKey(u.ParentId) ? u.ParentId : u.Id;
                for (var k = 0; k < n; k++)
                {
                    var registered = new DateOnly(year, 1, 10).AddDays(rng.Next(160));
                    if (registered > today)
                    {
                        registered = today;
                    }

                    plan.Add(PlanModel(rng, u, body, baseGrantor, snv, year, registered, today, fields) with { Province = province });
                }
            }

            report("Mô hình Dân vận khéo", 0.1 * (year - 2023));
        }

        // Replications: a tenth of the 2025–2026 registrations copy a model of another unit of the province recognised before their registration.
        var recognised = plan.Where(p => p.State == ModelStatus.Recognised).GroupBy(p => p.Province).ToDictionary(g => g.Key, g => g.ToList());
        // A copy is never copied itself here (originals are inserted first, so their ids are known when the copies go in).
        var replicas = new List<(PlannedModel Copy, PlannedModel Original)>();
        var copies = new HashSet<PlannedModel>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<PlannedModel>(ReferenceEqualityComparer.Instance);
        foreach (var p in plan.Where(p => p.Year >= 2025))
        {
            if (rng.NextDouble() >= 0.1 || used.Contains(p) || !recognised.TryGetValue(p.Province, out var pool))
            {
                continue;
            }

            for (var attempt = 0; attempt < 5; attempt++)
            {
                var o = pool[rng.Next(pool.Count)];
                if (o.Unit.Id != p.Unit.Id && o.RecognisedOn < p.RegisteredOn && !copies.Contains(o))
                {
                    replicas.Add((p, o));
                    copies.Add(p);
                    used.Add(o);
                    break;
                }
            }
        }

        string[] columns =
        [
            "UnitId", "RegisteredWithUnitId", "Kind", "Subject", "Year", "FieldCode", "Name", "Situation", "Objectives", "Content", "AreaAndTargets", "Forces", "Resources",
            "StartOn", "EvaluationOn", "Outputs", "Sustainability", "State", "RegisteredOn", "ApprovedOn", "LaunchedOn", "LevelCode", "RecognisedOn", "RecognisedByUnitId",
            "RemovedOn", "ReplicatedFromId", "SearchText", "CreatedAtUtc", "ConcurrencyStamp",
        ];
        object?[] Row(PlannedModel p) =>
        [
            p.Unit.Id, p.Body, (int)ModelKind.Model, (int)ModelSubject.Collective, p.Year, p.Field, p.Name,
            GeneratedModelSituation, "Huy động Nhân dân cùng tham gia, nâng cao đời sống.",
            "Tuyên truyền, vận động; tổ chức thực hiện; sơ kết, nhân rộng.", "Địa bàn " + p.Unit.Name, "Cán bộ, công chức và Nhân dân", "Ngân sách và xã hội hóa",
            p.RegisteredOn.AddDays(15), new DateOnly(p.Year, 11, 30), "Các công trình, phần việc hoàn thành.", "Duy trì, nhân rộng trong các năm sau.",
            (int)p.State, p.RegisteredOn, p.ApprovedOn, p.LaunchedOn, p.Level, p.RecognisedOn, p.RecognisedBy, p.RemovedOn, p.ReplicatedFrom,
            VietnameseText.Fold($"{p.Name} {p.Unit.Name} Địa bàn {p.Unit.Name}"), now, new Guid(NextBytes(rng)),
        ];

        // Originals first (their ids are then known), then the copies.
        var maxBefore = await db.MobilizationModels.MaxAsync(m => (int?)m.Id, ct) ?? 0;
        var originals = plan.Where(p => !copies.Contains(p)).ToList();
        var models = await bulk.InsertAsync("MobilizationModels", columns, originals.Select(Row), n => report("Mô hình Dân vận khéo", 0.3 + 0.3 * n / plan.Count), ct);
        var ids = await db.MobilizationModels.AsNoTracking().Where(m => m.Id > maxBefore).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        for (var i = 0; i < originals.Count; i++)
        {
            originals[i].Id = ids[i];
        }

        foreach (var (copy, original) in replicas)
        {
            copy.ReplicatedFrom = original.Id;
        }

        var maxOriginal = ids.Count > 0 ? ids[^1] : maxBefore;
        models += await bulk.InsertAsync("MobilizationModels", columns, replicas.Select(x => Row(x.Copy)), ct: ct);
        var copyIds = await db.MobilizationModels.AsNoTracking().Where(m => m.Id > maxOriginal).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        for (var i = 0; i < replicas.Count; i++)
        {
            replicas[i].Copy.Id = copyIds[i];
        }

        string User(int unitId, int k) => byId.TryGetValue(unitId, out var u) ? $"u{u.Code.Replace(".", "-", StringComparison.Ordinal).ToLowerInvariant()}-{k}" : "dieuphoi";
        DateTime At(DateOnly on) => on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc).AddMinutes(rng.Next(480));
        IEnumerable<object?[]> Steps(PlannedModel p)
        {
            var own = p.Unit.Id;
            yield return [p.Id, (int)ModelAction.Register, p.RegisteredOn, null, null, null, null, (int)ModelStatus.Registered, own, User(own, 2), At(p.RegisteredOn)];
            if (p.ReturnedOnce)
            {
                var returned = p.RegisteredOn.AddDays(5);
                yield return [p.Id, (int)ModelAction.Return, returned, "Đề nghị bổ sung mục tiêu, chỉ tiêu cụ thể và nguồn lực.", null, null, null, (int)ModelStatus.Returned, p.Body, User(p.Body, 2), At(returned)];
                if (p.State != ModelStatus.Returned)
                {
                    var again = p.RegisteredOn.AddDays(8);
                    yield return [p.Id, (int)ModelAction.Resubmit, again, null, null, null, null, (int)ModelStatus.Registered, own, User(own, 2), At(again)];
                }
            }

            if (p.ApprovedOn is { } approved)
            {
                yield return [p.Id, (int)ModelAction.Approve, approved, null, null, null, null, (int)ModelStatus.Approved, p.Body, User(p.Body, 2), At(approved)];
            }

            if (p.LaunchedOn is { } launched)
            {
                yield return [p.Id, (int)ModelAction.Launch, launched, "Tổ chức ra mắt mô hình.", null, null, null, (int)ModelStatus.Launched, own, User(own, 2), At(launched)];
                var progress = launched.AddDays(60);
                if (progress <= today && (p.ReviewedOn is null || progress < p.ReviewedOn) && (p.RemovedOn is null || progress < p.RemovedOn))
                {
                    yield return [p.Id, (int)ModelAction.Progress, progress, "Mô hình triển khai đúng kế hoạch.", null, null, null, (int)ModelStatus.InProgress, own, User(own, 2), At(progress)];
                }
            }

            if (p.ReviewedOn is { } reviewed)
            {
                yield return [p.Id, (int)ModelAction.Review, reviewed, "Mô hình phát huy hiệu quả, được Nhân dân đồng tình.", 70 + (p.Id % 30), null, null, (int)ModelStatus.Reviewed,
                    p.Body, User(p.Body, 2), At(reviewed)];
            }

            if (p.RecognisedOn is { } rec)
            {
                yield return [p.Id, (int)ModelAction.Recognise, rec, "Quyết định công nhận mô hình.", null, p.Level, null, (int)ModelStatus.Recognised, p.RecognisedBy!.Value,
                    User(p.RecognisedBy.Value, 1), At(rec)];
            }

            if (p.CommendedOn is { } commended)
            {
                yield return [p.Id, (int)ModelAction.Commend, commended, "Giấy khen", null, null, null, (int)ModelStatus.Commended, p.RecognisedBy ?? p.Body, User(p.RecognisedBy ?? p.Body, 1), At(commended)];
            }

            if (p.RemovedOn is { } removed)
            {
                yield return [p.Id, (int)ModelAction.Remove, removed, RemoveReasons[p.Id % RemoveReasons.Length], null, null, null, (int)ModelStatus.Removed, p.Body, User(p.Body, 2), At(removed)];
            }
        }

        string[] stepColumns = ["ModelId", "Action", "On", "Note", "Score", "LevelCode", "RelatedModelId", "StateAfter", "ByUnitId", "ByUserName", "AtUtc"];
        var all3 = originals.Concat(replicas.Select(x => x.Copy)).ToList();
        var steps = await bulk.InsertAsync("ModelSteps", stepColumns, all3.SelectMany(Steps), n => report("Mô hình Dân vận khéo", 0.6 + 0.35 * n / (4.0 * plan.Count)), ct);
        // The original learns where it was copied (after its own steps: the copy was registered after its recognition).
        steps += await bulk.InsertAsync("ModelSteps", stepColumns, replicas.Select(x => new object?[]
        {
            x.Original.Id, (int)ModelAction.Replicated, x.Copy.RegisteredOn, "Nhân rộng tại " + x.Copy.Unit.Name, null, null, x.Copy.Id, (int)x.Original.State,
            x.Copy.Unit.Id, User(x.Copy.Unit.Id, 2), At(x.Copy.RegisteredOn),
        }), ct: ct);
        return (models, steps, replicas.Count);
    }

    /// <summary>One registration and the dates its state implies, all in order and none after today.</summary>
    private static PlannedModel PlanModel(Random rng, Unit u, int body, int baseGrantor, int snv, int year, DateOnly registered, DateOnly today, string[] fields)
    {
        var current = year == today.Year;
        var r = rng.NextDouble();
        // Where the model stops on its way: 0 registered, 1 returned, 2 approved, 3 launched, 4 reviewed, 5 recognised, 6 commended, 7 removed.
        var stop = current
            ? (r < 0.2 ? 0 : r < 0.25 ? 1 : r < 0.5 ? 2 : r < 0.85 ? 3 : r < 0.95 ? 4 : 5)
            : (r < 0.02 ? 0 : r < 0.05 ? 1 : r < 0.08 ? 2 : r < 0.2 ? 3 : r < 0.35 ? 4 : r < 0.8 ? 5 : r < 0.9 ? 6 : 7);
        if (registered.AddDays(10) > today)
        {
            stop = 0; // registered these last days: not looked at yet
        }

        DateOnly? Cap(DateOnly d) => d <= today ? d : null;
        var returnedOnce = stop == 1 || (stop >= 2 && rng.NextDouble() < 0.1);
        var approved = stop >= 2 ? Cap(registered.AddDays((returnedOnce ? 12 : 5) + rng.Next(20))) : null;
        var launched = stop >= 3 && approved is { } a ? Cap(a.AddDays(7 + rng.Next(30))) : null;
        DateOnly? reviewed = null, recognisedOn = null, commended = null, removed = null;
        if (launched is { } l)
        {
            // Removed models are removed after their launch (half of them after a review).
            var review = stop is >= 4 and <= 6 || (stop == 7 && rng.NextDouble() < 0.5);
            reviewed = review ? Cap(l.AddDays(current ? 60 + rng.Next(60) : 150 + rng.Next(120))) : null;
            recognisedOn = stop >= 5 && stop <= 6 && reviewed is { } rv ? Cap(rv.AddDays(10 + rng.Next(30))) : null;
            commended = stop == 6 && recognisedOn is { } rc ? Cap(rc.AddDays(15 + rng.Next(30))) : null;
            removed = stop == 7 ? Cap((reviewed ?? l).AddDays(30 + rng.Next(60))) : null;
        }

        var state = removed is not null ? ModelStatus.Removed : commended is not null ? ModelStatus.Commended : recognisedOn is not null ? ModelStatus.Recognised
            : reviewed is not null ? ModelStatus.Reviewed : launched is not null ? (launched.Value.AddDays(60) <= today ? ModelStatus.InProgress : ModelStatus.Launched)
            : approved is not null ? ModelStatus.Approved : stop == 1 ? ModelStatus.Returned : ModelStatus.Registered;
        // A provincial recognition for a quarter of the recognised ones (by the Sở Nội vụ), the base level otherwise (by the commune or the agency).
        var provincial = recognisedOn is not null && rng.NextDouble() < 0.25;
        var name = $"{ModelNames[rng.Next(ModelNames.Length)]} năm {year}";
        return new PlannedModel(u, body, year, registered, state, returnedOnce, approved, launched, reviewed, recognisedOn,
            recognisedOn is null ? null : provincial ? "tinh" : "co-so", recognisedOn is null ? null : provincial ? snv : baseGrantor, commended,
            removed, fields[rng.Next(fields.Length)], name);
    }
}
