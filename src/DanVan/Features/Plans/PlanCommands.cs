using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Plans;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

public sealed record CreatePlanCommand(int DocumentId, string? Purposes, string? Body, string? Targets);

/// <summary>Gives a registered Kế hoạch its structured content: purposes, body, numeric targets.</summary>
public sealed class PlanCommands(AppDbContext db, TimeProvider clock)
{
    public async Task<Result<Plan>> CreateAsync(UserScope user, CreatePlanCommand cmd, CancellationToken ct = default)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == cmd.DocumentId)
            .Join(db.OrgUnits, d => d.OwnerUnitId, o => o.Id, (d, o) => new { d, o.AncestorPath }).FirstOrDefaultAsync(ct);
        if (doc is null)
        {
            return Result<Plan>.NotFound();
        }

        if (!DocumentAccessRules.CanWrite(user, doc.AncestorPath, doc.d.OwnerUnitId))
        {
            return Result<Plan>.Forbidden();
        }

        var errors = new FieldErrors();
        if (doc.d.TypeCode != "KH")
        {
            errors.Add("", $"Văn bản {doc.d.Code} là {doc.d.TypeName.ToLower(VietnameseText.Culture)}, không phải kế hoạch.");
        }
        else if (await db.Plans.AnyAsync(p => p.DocumentId == cmd.DocumentId, ct))
        {
            errors.Add("", "Kế hoạch này đã có nội dung.");
        }

        var purposes = VietnameseText.Nfc(cmd.Purposes?.Trim());
        if (string.IsNullOrEmpty(purposes))
        {
            errors.Add("Purposes", "Vui lòng nhập mục đích, yêu cầu.");
        }
        else if (purposes.Length > 8000)
        {
            errors.Add("Purposes", "Mục đích, yêu cầu không quá 8.000 ký tự.");
        }

        var body = VietnameseText.Nfc(cmd.Body?.Trim()) ?? "";
        if (body.Length > 100_000)
        {
            errors.Add("Body", "Nội dung quá dài (tối đa 100.000 ký tự).");
        }

        var targets = new List<PlanTarget>();
        var lines = (cmd.Targets ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = VietnameseText.Nfc(lines[i].TrimStart('-', '+', '•', ' '))!;
            var parsed = TargetText.Parse(text);
            if (parsed is null)
            {
                errors.Add("Targets", $"Chỉ tiêu dòng {i + 1} chưa có con số (ví dụ: “trên 90% người dân hài lòng”).");
            }
            else if (text.Length > 500)
            {
                errors.Add("Targets", $"Chỉ tiêu dòng {i + 1} quá dài (tối đa 500 ký tự).");
            }
            else
            {
                targets.Add(new PlanTarget { Description = text, Comparison = parsed.Comparison, Value = parsed.Value, Unit = parsed.Unit });
            }
        }

        if (errors.Any)
        {
            return Result<Plan>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = new Plan { DocumentId = doc.d.Id, OwnerUnitId = doc.d.OwnerUnitId, Purposes = purposes!, Body = body, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        foreach (var t in targets)
        {
            t.PlanId = plan.Id;
        }

        db.PlanTargets.AddRange(targets);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Plan>.Ok(plan);
    }
}
