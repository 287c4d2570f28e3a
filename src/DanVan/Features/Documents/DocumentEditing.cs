using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Domain.Editing;
using DanVan.Domain.Text;
using DanVan.Features.Editing;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

public sealed record EditDocumentCommand(int Version, DocumentFields Fields, string? Reason);

/// <summary>What a user may do to a document now, and why: shown on its page and on the withdraw/delete page.</summary>
public sealed record RemovalInfo(RemovalKind Kind, IReadOnlyList<Dependant> Dependants, bool CanEdit, bool CanRemove);

/// <summary>Sửa, thu hồi, xóa văn bản (issue 12, ADR-019): every version kept; withdrawn when others depend on it.</summary>
public sealed class DocumentEditing(AppDbContext db, TimeProvider clock)
{
    private const RecordKind Kind = RecordKind.Document;

    public async Task<IReadOnlyList<Dependant>> DependantsAsync(int documentId, CancellationToken ct) =>
    [
        new("kế hoạch (nội dung của văn bản)", await db.Plans.CountAsync(p => p.DocumentId == documentId && p.WithdrawnAtUtc == null, ct)),
        new("nhiệm vụ giao theo văn bản", await db.WorkItems.CountAsync(w => w.SourceDocumentId == documentId && w.WithdrawnAtUtc == null, ct)),
    ];

    public async Task<RemovalInfo> InfoAsync(UserScope user, Document document, string ownerPath, CancellationToken ct)
    {
        var dependants = await DependantsAsync(document.Id, ct);
        return new RemovalInfo(EditRules.Removal(document.WithdrawnAtUtc is not null, dependants), dependants,
            document.WithdrawnAtUtc is null && EditAccessRules.CanEdit(user, ownerPath, document.OwnerUnitId),
            document.WithdrawnAtUtc is null && EditAccessRules.CanRemove(user, ownerPath, document.OwnerUnitId));
    }

    public async Task<Result<Document>> EditAsync(UserScope user, int id, EditDocumentCommand cmd, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var (document, path) = await LoadAsync(id, ct);
        if (document is null)
        {
            return Result<Document>.NotFound();
        }

        if (!DocumentAccessRules.CanRead(user, path!, document.OwnerUnitId))
        {
            return Result<Document>.NotFound();
        }

        if (!EditAccessRules.CanEdit(user, path!, document.OwnerUnitId))
        {
            return Result<Document>.Forbidden();
        }

        if (EditRules.EditRefusal(Kind, document.WithdrawnAtUtc is not null) is { } refusal)
        {
            return Result<Document>.Invalid("", refusal);
        }

        if (cmd.Version != document.Version)
        {
            return Result<Document>.Invalid("", EditRules.Stale(Kind));
        }

        var errors = new FieldErrors();
        var types = await db.DocumentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, StringComparer.Ordinal, ct);
        var number = DocumentCommands.CheckFields(errors, types.Keys.ToHashSet(StringComparer.Ordinal), cmd.Fields, Infrastructure.VietnamClock.Today(clock), out var authority);
        var reason = Versions.Reason(errors, cmd.Reason);
        if (number is not null && number.TypeCode != document.TypeCode && await db.Plans.AnyAsync(p => p.DocumentId == id, ct))
        {
            errors.Add("Code", "Văn bản đã có nội dung kế hoạch: số, ký hiệu phải vẫn là của kế hoạch (KH).");
        }

        if (errors.Any)
        {
            return Result<Document>.Invalid(errors.ToDictionary());
        }

        var issuerName = VietnameseText.Nfc(cmd.Fields.IssuerName!.Trim())!;
        if (number!.Number is not null && (number.Code != document.Code || cmd.Fields.IssuedOn != document.IssuedOn || VietnameseText.Fold(issuerName) != VietnameseText.Fold(document.IssuerName)))
        {
            await db.LockForCreateAsync("document:" + number.Code, ct);
            var folded = VietnameseText.Fold(issuerName);
            if ((await db.Documents.AsNoTracking().Where(d => d.Id != id && d.Code == number.Code && d.IssuedOn == cmd.Fields.IssuedOn).Select(d => d.IssuerName).ToListAsync(ct))
                .Any(n => VietnameseText.Fold(n) == folded))
            {
                return Result<Document>.Invalid("Code", $"Văn bản số {number.Code} ngày {VietnameseText.FormatDate(cmd.Fields.IssuedOn)} của {issuerName} đã được đăng ký.");
            }
        }

        var before = Versions.Of(document);
        document.Code = number.Code;
        document.Style = number.Style;
        document.Number = number.Number;
        document.Year = number.Year;
        document.TypeCode = number.TypeCode;
        document.IssuerSymbol = number.Issuer;
        document.TypeName = number.TypeCode is { } code && types.TryGetValue(code, out var typeName) ? typeName : "Công văn";
        document.IssuerName = issuerName;
        document.Place = VietnameseText.Optional(cmd.Fields.Place);
        document.IssuedOn = cmd.Fields.IssuedOn;
        document.Title = VietnameseText.Nfc(cmd.Fields.Title!.Trim())!;
        document.SignerAuthority = authority;
        document.SignerPosition = VietnameseText.Optional(cmd.Fields.SignerPosition);
        document.SignerName = VietnameseText.Optional(cmd.Fields.SignerName);
        document.Recipients = VietnameseText.Optional(cmd.Fields.Recipients);
        if (Versions.Same(before, Versions.Of(document)))
        {
            db.ChangeTracker.Clear();
            return Result<Document>.Ok(document); // nothing changed: no new version
        }

        document.Index();
        Versions.Keep(db, Kind, id, document, document.OwnerUnitId, before, user, reason, clock.GetUtcNow().UtcDateTime);
        return await Versions.SaveAsync(db, tx, Kind, document, ct);
    }

    /// <summary>Thu hồi: the document (and its plan's content) stays visible, marked, with the reason.</summary>
    public async Task<Result<Document>> WithdrawAsync(UserScope user, int id, int version, string? reason, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var (document, path) = await LoadAsync(id, ct);
        if (Check(user, document, path, version) is { } failed)
        {
            return failed;
        }

        if (EditRules.WithdrawRefusal(Kind, document!.WithdrawnAtUtc is not null, reason) is { } refusal)
        {
            return Result<Document>.Invalid("Reason", refusal);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var why = VietnameseText.Nfc(reason!.Trim())!;
        Versions.Withdraw(document, user, why, now);
        foreach (var plan in await db.Plans.Where(p => p.DocumentId == id && p.WithdrawnAtUtc == null).ToListAsync(ct))
        {
            Versions.Withdraw(plan, user, why, now); // the plan is the document's content: withdrawn with it
        }

        return await Versions.SaveAsync(db, tx, Kind, document, ct);
    }

    /// <summary>Xóa: only when nothing depends on the document; its citations, file and history go with it.</summary>
    public async Task<Result<Document>> DeleteAsync(UserScope user, int id, int version, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var (document, path) = await LoadAsync(id, ct);
        if (Check(user, document, path, version) is { } failed)
        {
            return failed;
        }

        var dependants = await DependantsAsync(id, ct);
        // Withdrawn plans still point at the document: they keep it.
        if (await db.Plans.AnyAsync(p => p.DocumentId == id, ct) && dependants[0].Count == 0)
        {
            dependants = [new Dependant("kế hoạch đã thu hồi", 1), .. dependants.Skip(1)];
        }

        if (EditRules.DeleteRefusal(Kind, document!.WithdrawnAtUtc is not null, dependants) is { } refusal)
        {
            return Result<Document>.Invalid("", refusal);
        }

        // Tasks whose source this was (all withdrawn) lose the link; so do other documents' citations of it.
        await db.WorkItems.Where(w => w.SourceDocumentId == id).ExecuteUpdateAsync(u => u.SetProperty(w => w.SourceDocumentId, (int?)null), ct);
        await db.DocumentCitations.Where(c => c.CitedDocumentId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.CitedDocumentId, (int?)null), ct);
        db.DocumentCitations.RemoveRange(await db.DocumentCitations.Where(c => c.DocumentId == id).ToListAsync(ct));
        await db.DocumentFiles.Where(f => f.DocumentId == id).ExecuteDeleteAsync(ct);
        await Versions.ForgetAsync(db, Kind, id, ct);
        db.Documents.Remove(document);
        return await Versions.SaveAsync(db, tx, Kind, document, ct);
    }

    private static Result<Document>? Check(UserScope user, Document? document, string? path, int version)
    {
        if (document is null || !DocumentAccessRules.CanRead(user, path!, document.OwnerUnitId))
        {
            return Result<Document>.NotFound();
        }

        if (!EditAccessRules.CanRemove(user, path!, document.OwnerUnitId))
        {
            return Result<Document>.Forbidden();
        }

        return version != document.Version ? Result<Document>.Invalid("", EditRules.Stale(Kind)) : null;
    }

    private async Task<(Document? Document, string? Path)> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.Documents.Where(d => d.Id == id)
            .Join(db.OrgUnits, d => d.OwnerUnitId, o => o.Id, (d, o) => new { d, o.AncestorPath }).FirstOrDefaultAsync(ct);
        return (found?.d, found?.AncestorPath);
    }
}
