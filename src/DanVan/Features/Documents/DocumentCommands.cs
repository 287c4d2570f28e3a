using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

public sealed record CitationInput(CitationRelation Relation, string? Description);

public sealed record UploadedFile(string FileName, byte[] Content)
{
    /// <summary>Reads a posted file (the caller has checked its size against the limit).</summary>
    public static async Task<UploadedFile> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new UploadedFile(file.FileName, buffer.ToArray());
    }
}

public sealed record RegisterDocumentCommand(
    int? OwnerUnitId, string? Code, string? IssuerName, int? IssuingUnitId, string? Place, DateOnly? IssuedOn, string? Title,
    string? SignerAuthority, string? SignerPosition, string? SignerName, string? Recipients,
    IReadOnlyList<CitationInput> Citations, UploadedFile? File);

/// <summary>The fields of a document as written on it, checked the same when registering and when editing.</summary>
public sealed record DocumentFields(
    string? Code, string? IssuerName, string? Place, DateOnly? IssuedOn, string? Title,
    string? SignerAuthority, string? SignerPosition, string? SignerName, string? Recipients);

/// <summary>Registers documents: number parsed and checked, citations linked both ways, original file checked.</summary>
public sealed class DocumentCommands(AppDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const long DefaultMaxFileBytes = 20 * 1024 * 1024;

    public long MaxFileBytes => configuration.GetValue("Documents:MaxFileBytes", DefaultMaxFileBytes);

    public async Task<Result<Document>> RegisterAsync(UserScope user, RegisterDocumentCommand cmd, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var ownerId = cmd.OwnerUnitId ?? user.UnitId;
        var owner = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId, ct);
        if (owner is null)
        {
            return Result<Document>.NotFound();
        }

        if (!DocumentAccessRules.CanWrite(user, owner.AncestorPath, owner.Id))
        {
            return Result<Document>.Forbidden();
        }

        var types = await db.DocumentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, StringComparer.Ordinal, ct);
        var number = CheckFields(errors, types.Keys.ToHashSet(StringComparer.Ordinal), new DocumentFields(
            cmd.Code, cmd.IssuerName, cmd.Place, cmd.IssuedOn, cmd.Title, cmd.SignerAuthority, cmd.SignerPosition, cmd.SignerName, cmd.Recipients),
            VietnamClock.Today(clock), out var authority);

        OrgUnit? issuing = null;
        if (cmd.IssuingUnitId is { } issuingId)
        {
            issuing = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == issuingId, ct);
            if (issuing is null)
            {
                errors.Add(nameof(cmd.IssuingUnitId), "Không tìm thấy cơ quan ban hành trong danh mục đơn vị.");
            }
        }

        foreach (var citation in cmd.Citations.Where(c => !string.IsNullOrWhiteSpace(c.Description)))
        {
            if (citation.Description!.Trim().Length > 500)
            {
                errors.Add("Citations", "Mỗi văn bản được dẫn không quá 500 ký tự.");
                break;
            }
        }

        byte[]? content = null;
        string? contentType = null;
        if (cmd.File is { } file)
        {
            (content, contentType) = CheckFile(errors, file);
        }

        if (errors.Any)
        {
            return Result<Document>.Invalid(errors.ToDictionary());
        }

        var issuerName = VietnameseText.Nfc(cmd.IssuerName!.Trim())!;
        var foldedIssuer = VietnameseText.Fold(issuerName);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        if (number!.Number is not null)
        {
            await db.LockForCreateAsync("document:" + number.Code, ct); // a concurrent registration of the same number waits here
        }

        if (number.Number is not null
            && (await db.Documents.AsNoTracking().Where(d => d.Code == number.Code && d.IssuedOn == cmd.IssuedOn).Select(d => d.IssuerName).ToListAsync(ct))
                .Any(n => VietnameseText.Fold(n) == foldedIssuer))
        {
            return Result<Document>.Invalid(nameof(cmd.Code), $"Văn bản số {number.Code} ngày {VietnameseText.FormatDate(cmd.IssuedOn)} của {issuerName} đã được đăng ký.");
        }

        var document = new Document
        {
            OwnerUnitId = owner.Id,
            IssuingUnitId = issuing?.Id,
            IssuerName = issuerName,
            Code = number.Code,
            Style = number.Style,
            Number = number.Number,
            Year = number.Year,
            TypeCode = number.TypeCode,
            IssuerSymbol = number.Issuer,
            TypeName = number.TypeCode is { } code && types.TryGetValue(code, out var typeName) ? typeName : "Công văn",
            Place = VietnameseText.Optional(cmd.Place),
            IssuedOn = cmd.IssuedOn,
            Title = VietnameseText.Nfc(cmd.Title!.Trim())!,
            SignerAuthority = authority,
            SignerPosition = VietnameseText.Optional(cmd.SignerPosition),
            SignerName = VietnameseText.Optional(cmd.SignerName),
            Recipients = VietnameseText.Optional(cmd.Recipients),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        document.Index();

        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);

        foreach (var c in cmd.Citations.Where(c => !string.IsNullOrWhiteSpace(c.Description)))
        {
            var description = VietnameseText.Nfc(c.Description!.Trim())!;
            var citedCode = CitationText.FindCode(description);
            db.DocumentCitations.Add(new DocumentCitation
            {
                DocumentId = document.Id,
                Relation = Enum.IsDefined(c.Relation) ? c.Relation : CitationRelation.Reference,
                Description = description,
                CitedCode = citedCode,
                CitedDocumentId = await FindCitedAsync(citedCode, CitationText.FindDate(description), document.Id, ct),
            });
        }

        // Documents registered earlier that cite this one now point to it.
        if (number.Number is not null)
        {
            var waiting = await db.DocumentCitations.Where(c => c.CitedCode == document.Code && c.CitedDocumentId == null).ToListAsync(ct);
            foreach (var c in waiting.Where(c => CitationText.FindDate(c.Description) is not { } d || d == document.IssuedOn))
            {
                c.CitedDocumentId = document.Id;
            }
        }

        if (content is not null)
        {
            db.DocumentFiles.Add(new DocumentFile
            {
                DocumentId = document.Id,
                FileName = Path.GetFileName(cmd.File!.FileName),
                ContentType = contentType!,
                Size = content.Length,
                Content = content,
            });
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Document>.Ok(document);
    }

    /// <summary>
    /// The checks registering and editing share: the number parsed against the document types, required and bounded
    /// texts, the signing authority, the issue date against the number's year. All errors at once.
    /// </summary>
    internal static DocumentNumber? CheckFields(FieldErrors errors, IReadOnlySet<string> typeCodes, DocumentFields cmd, DateOnly today, out string? authority)
    {
        if (!DocumentNumber.TryParse(cmd.Code, typeCodes.ToHashSet(StringComparer.Ordinal), out var number, out var numberError))
        {
            errors.Add(nameof(cmd.Code), numberError!);
        }

        errors.RequiredText(nameof(cmd.IssuerName), cmd.IssuerName, 300, "cơ quan ban hành");
        errors.RequiredText(nameof(cmd.Title), cmd.Title, 1000, "trích yếu");
        errors.Text(nameof(cmd.Place), cmd.Place, 100, "Địa danh");
        errors.Text(nameof(cmd.SignerPosition), cmd.SignerPosition, 200, "Chức vụ người ký");
        errors.Text(nameof(cmd.SignerName), cmd.SignerName, 200, "Họ tên người ký");
        errors.Text(nameof(cmd.Recipients), cmd.Recipients, 4000, "Nơi nhận");
        authority = VietnameseText.Optional(cmd.SignerAuthority);
        if (authority is not null && !Document.SignerAuthorities.Contains(authority))
        {
            errors.Add(nameof(cmd.SignerAuthority), "Thẩm quyền ký chỉ là TM., KT., TL., TUQ. hoặc Q. (để trống nếu người đứng đầu ký).");
        }

        if (cmd.IssuedOn is { } issued)
        {
            if (issued > today.AddDays(31))
            {
                errors.Add(nameof(cmd.IssuedOn), "Ngày ban hành không thể ở quá xa trong tương lai.");
            }
            else if (number?.Year is { } year && year != issued.Year)
            {
                errors.Add(nameof(cmd.IssuedOn), $"Ngày ban hành phải thuộc năm {year} ghi trong số, ký hiệu.");
            }
        }
        else if (number?.Number is not null)
        {
            errors.Add(nameof(cmd.IssuedOn), "Văn bản đã có số cần có ngày ban hành.");
        }

        return number;
    }

    /// <summary>The registered document a citation names: by code, and by date when the citation gives one.</summary>
    private async Task<int?> FindCitedAsync(string? code, DateOnly? date, int citingId, CancellationToken ct)
    {
        if (code is null)
        {
            return null;
        }

        var candidates = await db.Documents.AsNoTracking()
            .Where(d => d.Code == code && d.Id != citingId && (date == null || d.IssuedOn == date))
            .Select(d => d.Id).Take(2).ToListAsync(ct);
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private (byte[]? Content, string? ContentType) CheckFile(FieldErrors errors, UploadedFile file)
    {
        if (file.Content.Length == 0)
        {
            errors.Add("File", "Tệp đính kèm rỗng.");
            return (null, null);
        }

        if (file.Content.Length > MaxFileBytes)
        {
            errors.Add("File", $"Tệp quá lớn: tối đa {VietnameseText.FormatNumber(MaxFileBytes / (1024 * 1024))} MB.");
            return (null, null);
        }

        var check = new UploadValidator(UploadLimits.From(configuration)).Check(file.Content);
        if (check.Refusal("Chỉ nhận tệp Word (.docx) hoặc PDF. Tệp này không phải DOCX hay PDF (kể cả khi đổi đuôi tệp).", UploadKind.Pdf, UploadKind.Docx) is { } refusal)
        {
            errors.Add("File", refusal);
            return (null, null);
        }

        return (file.Content, check.ContentType);
    }
}
