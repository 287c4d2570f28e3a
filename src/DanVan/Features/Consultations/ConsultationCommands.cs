using System.Globalization;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Consultations;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Import;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Domain.WorkItems;
using DanVan.Features.Deadlines;
using DanVan.Features.Documents;
using DanVan.Features.Import;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Consultations;

/// <summary>What the drafting officer types to open a consultation (or a follow-up round).</summary>
public sealed class ConsultationInput
{
    public string? Title { get; set; }

    public string? Subject { get; set; }

    public string? LetterNumber { get; set; }

    public ConsultationAudience? Audience { get; set; } = ConsultationAudience.Units;

    /// <summary>dd/MM/yyyy: the day the draft is sent (published).</summary>
    public string? SentOn { get; set; }

    /// <summary>dd/MM/yyyy: the last day answers are accepted.</summary>
    public string? DueOn { get; set; }

    public string? SilenceRule { get; set; } = ConsultationRules.DefaultSilenceRule;

    public bool SilenceMeansAgreement { get; set; } = true;

    public string? Contact { get; set; }

    public string? SignerName { get; set; }

    public string? SignerAuthority { get; set; }

    /// <summary>The draft pasted as text (one paragraph per line), when no DOCX is uploaded.</summary>
    public string? DraftText { get; set; }

    public List<int> RespondentUnitIds { get; set; } = [];

    /// <summary>"Tất cả sở, ban, ngành", "Tất cả xã, phường, đặc khu" — the same unit kinds tasks are given to (ADR-017).</summary>
    public List<LeadUnitGroup> RespondentGroups { get; set; } = [];
}

public sealed class CommentInput
{
    /// <summary>Số đoạn of the draft the comment is on.</summary>
    public int? Paragraph { get; set; }

    public string? Text { get; set; }
}

public sealed class AnswerInput
{
    public bool Agrees { get; set; }

    public string? GeneralComment { get; set; }

    public string? SignerName { get; set; }

    public string? SignerPosition { get; set; }

    public List<CommentInput> Comments { get; set; } = [];

    /// <summary>The answer version the form was read with (0: none yet); another one saved since means someone else answered meanwhile.</summary>
    public int BaseVersion { get; set; }
}

public sealed class HandlingInput
{
    public CommentHandling? Handling { get; set; }

    public string? Explanation { get; set; }
}

/// <summary>
/// The writes of draft consultations: open one (or a follow-up round), answer for a respondent unit (a new version
/// each time, until the deadline), handle a comment, record silence once the deadline has passed (ADR-018). Each write
/// is one transaction, audited (AuditRecorder, or an entry written here where a bulk update bypasses the tracker).
/// </summary>
public sealed class ConsultationCommands(AppDbContext db, StatutoryDeadlines deadlines, DocumentTextReader reader, IConfiguration configuration, TimeProvider clock)
{
    public const int MaxRespondents = 5000;

    public const long MaxFileBytes = 20L * 1024 * 1024;

    private static readonly CultureInfo Vi = VietnameseText.Culture;

    public async Task<Result<Consultation>> CreateAsync(UserScope user, ConsultationInput input, UploadedFile? draft, int? previousRoundId = null, CancellationToken ct = default)
    {
        if (!ConsultationAccessRules.CanManage(user, user.UnitId))
        {
            return Result<Consultation>.Forbidden();
        }

        Consultation? previous = null;
        if (previousRoundId is { } pid)
        {
            previous = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == pid, ct);
            if (previous is null || !await CanReadAsync(user, previous, ct))
            {
                return Result<Consultation>.NotFound();
            }

            if (!ConsultationAccessRules.CanManage(user, previous.UnitId))
            {
                return Result<Consultation>.Forbidden();
            }
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        var title = errors.RequiredText(nameof(input.Title), VietnameseText.Nfc(input.Title), 1000, "tên dự thảo");
        var subject = errors.RequiredText(nameof(input.Subject), VietnameseText.Nfc(input.Subject), 1000, "trích yếu (V/v …)");
        var number = errors.Text(nameof(input.LetterNumber), VietnameseText.Optional(input.LetterNumber), 100, "Số, ký hiệu công văn");
        var silence = errors.RequiredText(nameof(input.SilenceRule), VietnameseText.Nfc(input.SilenceRule), 1000, "quy định khi đơn vị không có ý kiến");
        var contact = errors.Text(nameof(input.Contact), VietnameseText.Optional(input.Contact), 300, "Nơi nhận ý kiến, người liên hệ");
        var signer = errors.Text(nameof(input.SignerName), VietnameseText.Optional(input.SignerName), 200, "Người ký");
        var authority = errors.Text(nameof(input.SignerAuthority), VietnameseText.Optional(input.SignerAuthority), 200, "Thẩm quyền ký");
        if (input.Audience is not { } audience || !Enum.IsDefined(audience))
        {
            errors.Add(nameof(input.Audience), "Vui lòng chọn đối tượng lấy ý kiến.");
            audience = ConsultationAudience.Units;
        }

        var sentOn = errors.Date(nameof(input.SentOn), input.SentOn, "ngày gửi dự thảo", required: true);
        var dueOn = errors.Date(nameof(input.DueOn), input.DueOn, "hạn gửi ý kiến", required: true);
        var explanation = "Theo thời hạn ghi trong công văn lấy ý kiến.";
        if (sentOn is { } s && dueOn is { } d)
        {
            Deadline? minimum = null;
            if (audience == ConsultationAudience.CommunePeople)
            {
                var answer = await deadlines.ComputeAsync(ConsultationRules.MinimumPeriodRule, new DeadlineRequest { From = s }, ct);
                if (answer.IsOk)
                {
                    minimum = answer.Value;
                    explanation = Clip($"Thời gian tối thiểu: {answer.Value!.Explanation}; hạn sớm nhất ngày {VietnameseText.FormatDate(answer.Value.Date)}.", 600);
                }
                else
                {
                    errors.Add(nameof(input.DueOn), answer.Error!);
                }
            }

            foreach (var (k, v) in ConsultationRules.CheckDates(audience, s, d, minimum, today))
            {
                errors.Add(k, v);
            }
        }

        if (previous is not null)
        {
            if (previous.DueOn >= today)
            {
                errors.Add("", $"Vòng {previous.Round} chưa hết hạn góp ý (hết ngày {VietnameseText.FormatDate(previous.DueOn)}): tổng hợp, tiếp thu xong rồi mới mở vòng tiếp theo.");
            }
            else if (await db.Consultations.AnyAsync(c => c.PreviousRoundId == previous.Id, ct))
            {
                errors.Add("", $"Đã có vòng lấy ý kiến tiếp theo của vòng {previous.Round}.");
            }
        }

        var paragraphs = await ParagraphsAsync(errors, input.DraftText, draft, ct);

        // Respondents: as tasks are given to many units (ADR-017), the units listed plus those of the kinds chosen.
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == user.UnitId, ct);
        var ids = input.RespondentUnitIds.Distinct().ToList();
        if (previous is not null && ids.Count == 0 && input.RespondentGroups.Count == 0)
        {
            ids = await db.ConsultationRespondents.Where(r => r.ConsultationId == previous.Id).Select(r => r.UnitId).ToListAsync(ct);
        }

        var respondents = await RespondentsAsync(errors, user, unit, ids, input.RespondentGroups, ct);
        if (errors.Any)
        {
            return Result<Consultation>.Invalid(errors.ToDictionary());
        }

        var row = new Consultation
        {
            UnitId = user.UnitId,
            Title = title!,
            Subject = subject!,
            LetterNumber = number,
            Audience = audience,
            SentOn = sentOn!.Value,
            DueOn = dueOn!.Value,
            DueExplanation = explanation,
            SilenceRule = silence!,
            SilenceMeansAgreement = input.SilenceMeansAgreement,
            Round = previous is null ? 1 : previous.Round + 1,
            PreviousRoundId = previous?.Id,
            Contact = contact,
            DraftFileName = draft is null ? null : Clip(Path.GetFileName(draft.FileName), 260),
            DraftContent = draft?.Content,
            SignerName = signer,
            SignerAuthority = authority,
            CreatedBy = user.UserName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        row.SearchText = Clip(VietnameseText.Fold($"{row.Title} {row.Subject} {row.LetterNumber} {unit.Name}"), 2000);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.Consultations.Add(row);
        await db.SaveChangesAsync(ct);
        db.BulkAuditSummary = $"Lấy ý kiến dự thảo “{Clip(row.Title, 200)}” (vòng {row.Round}): {paragraphs.Count} đoạn, {respondents.Count} đơn vị";
        db.DraftParagraphs.AddRange(paragraphs.Select(p => new DraftParagraph { ConsultationId = row.Id, Number = p.Number, Label = p.Label, Text = p.Text }));
        db.ConsultationRespondents.AddRange(respondents.Select(r => new ConsultationRespondent { ConsultationId = row.Id, UnitId = r.Id }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Consultation>.Ok(row);
    }

    /// <summary>
    /// A respondent unit's answer: agree, or comments on paragraphs (and a general remark), signed by a named person,
    /// with a file; a new version each time until the last day. Two people of one unit at once: the second is refused.
    /// </summary>
    public async Task<Result<ConsultationAnswer>> AnswerAsync(UserScope user, int id, AnswerInput input, UploadedFile? file, CancellationToken ct = default)
    {
        var row = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null || !await CanReadAsync(user, row, ct))
        {
            return Result<ConsultationAnswer>.NotFound();
        }

        var respondent = await db.ConsultationRespondents.FirstOrDefaultAsync(r => r.ConsultationId == id && r.UnitId == user.UnitId, ct);
        if (respondent is null || !ConsultationAccessRules.CanAnswer(user, respondent.UnitId))
        {
            return Result<ConsultationAnswer>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        if (ConsultationRules.CheckCanAnswer(respondent.State, row.DueOn, today) is { } closed)
        {
            return Result<ConsultationAnswer>.Invalid("", closed);
        }

        var general = errors.Text(nameof(input.GeneralComment), VietnameseText.Optional(input.GeneralComment), 4000, "Ý kiến chung");
        var signer = errors.Text(nameof(input.SignerName), VietnameseText.Optional(input.SignerName), 200, "Họ tên người ký");
        var position = errors.Text(nameof(input.SignerPosition), VietnameseText.Optional(input.SignerPosition), 200, "Chức vụ người ký");
        var comments = input.Comments.Select((c, i) => (Index: i, c.Paragraph, Text: VietnameseText.Optional(c.Text)))
            .Where(c => c.Paragraph is not null || c.Text is not null).ToList();
        foreach (var (k, v) in ConsultationRules.CheckAnswer(input.Agrees, comments.Count, general is not null, signer))
        {
            errors.Add(k, v);
        }

        var paragraphIds = await db.DraftParagraphs.Where(p => p.ConsultationId == id).Select(p => new { p.Number, p.Id }).ToDictionaryAsync(p => p.Number, p => p.Id, ct);
        var valid = new List<(int ParagraphId, string Text)>();
        foreach (var c in comments.Take(ConsultationRules.MaxCommentsPerAnswer))
        {
            var field = $"Comments[{c.Index}]";
            if (c.Paragraph is not { } n)
            {
                errors.Add(field, $"Ý kiến thứ {c.Index + 1}: vui lòng chọn đoạn của dự thảo được góp ý.");
            }
            else if (!paragraphIds.TryGetValue(n, out var pid))
            {
                errors.Add(field, $"Ý kiến thứ {c.Index + 1}: dự thảo không có đoạn số {n} (dự thảo có {paragraphIds.Count} đoạn).");
            }
            else if (c.Text is null)
            {
                errors.Add(field, $"Ý kiến thứ {c.Index + 1} (đoạn {n}): vui lòng nhập nội dung góp ý.");
            }
            else if (errors.Text(field, c.Text, 4000, $"Ý kiến thứ {c.Index + 1}") is { } text)
            {
                valid.Add((pid, text));
            }
        }

        string? contentType = null;
        if (file is not null)
        {
            if (file.Content.Length == 0)
            {
                errors.Add("File", "Tệp đính kèm rỗng.");
            }
            else if (file.Content.LongLength > MaxFileBytes)
            {
                errors.Add("File", $"Tệp đính kèm quá lớn: tối đa {MaxFileBytes / (1024 * 1024)} MB.");
            }
            else
            {
                var check = new UploadValidator(UploadLimits.From(configuration)).Check(file.Content);
                contentType = check.ContentType;
                if (check.Refusal("Tệp đính kèm phải là văn bản PDF hoặc Word (.docx).", UploadKind.Pdf, UploadKind.Docx) is { } refusal)
                {
                    errors.Add("File", refusal);
                }
            }
        }

        if (input.BaseVersion != respondent.CurrentVersion)
        {
            errors.Add("", StaleAnswer(respondent.CurrentVersion));
        }

        if (errors.Any)
        {
            return Result<ConsultationAnswer>.Invalid(errors.ToDictionary());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var answer = new ConsultationAnswer
        {
            RespondentId = respondent.Id,
            ConsultationId = id,
            Version = respondent.CurrentVersion + 1,
            Agrees = input.Agrees,
            GeneralComment = general,
            SignerName = signer!,
            SignerPosition = position,
            FileName = file is null ? null : Clip(Path.GetFileName(file.FileName), 260),
            FileContentType = contentType,
            FileContent = file?.Content,
            SubmittedBy = user.UserName,
            SubmittedAtUtc = now,
        };
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.ConsultationAnswers.Add(answer);
        respondent.CurrentVersion = answer.Version;
        respondent.State = input.Agrees ? RespondentState.Agreed : RespondentState.Commented;
        respondent.AnsweredAtUtc = now;
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return Result<ConsultationAnswer>.Invalid("", StaleAnswer(respondent.CurrentVersion));
        }

        db.ConsultationComments.AddRange(valid.Select(v => new ConsultationComment { AnswerId = answer.Id, ConsultationId = id, ParagraphId = v.ParagraphId, Text = v.Text }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<ConsultationAnswer>.Ok(answer);
    }

    /// <summary>The drafting unit's handling of one comment of a respondent's answer in force.</summary>
    public async Task<Result<ConsultationComment>> HandleAsync(UserScope user, int id, int commentId, HandlingInput input, CancellationToken ct = default)
    {
        var row = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null || !await CanReadAsync(user, row, ct))
        {
            return Result<ConsultationComment>.NotFound();
        }

        if (!ConsultationAccessRules.CanManage(user, row.UnitId))
        {
            return Result<ConsultationComment>.Forbidden();
        }

        var comment = await db.ConsultationComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ConsultationId == id, ct);
        if (comment is null)
        {
            return Result<ConsultationComment>.NotFound();
        }

        var errors = new FieldErrors();
        var current = await (from a in db.ConsultationAnswers
                             join r in db.ConsultationRespondents on a.RespondentId equals r.Id
                             where a.Id == comment.AnswerId
                             select a.Version == r.CurrentVersion).SingleAsync(ct);
        if (!current)
        {
            errors.Add("", "Ý kiến này thuộc một phiên bản đã được đơn vị thay thế: xử lý ý kiến trong phiên bản mới nhất.");
        }

        foreach (var (k, v) in ConsultationRules.CheckHandling(input.Handling, input.Explanation))
        {
            errors.Add(k, v);
        }

        var explanation = errors.Text(nameof(input.Explanation), VietnameseText.Optional(input.Explanation), 4000, "Nội dung tiếp thu, giải trình");
        if (errors.Any)
        {
            return Result<ConsultationComment>.Invalid(errors.ToDictionary());
        }

        comment.Handling = input.Handling;
        comment.Explanation = explanation;
        comment.HandledBy = user.UserName;
        comment.HandledAtUtc = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<ConsultationComment>.Ok(comment);
    }

    /// <summary>
    /// Records "không có ý kiến" for every respondent still without an answer once the last day has passed (Việt Nam
    /// days), with the instant it applied: for one consultation (when it is read) or for all (the daily job). Never
    /// before the deadline; idempotent, so two instances or a read and the job at once record each unit once.
    /// </summary>
    public async Task<int> ApplySilenceAsync(int? consultationId, CancellationToken ct = default)
    {
        var today = VietnamClock.Today(clock);
        var due = db.Consultations.AsNoTracking().Where(c => c.DueOn < today);
        if (consultationId is { } only)
        {
            due = due.Where(c => c.Id == only);
        }

        var pending = await due.Where(c => db.ConsultationRespondents.Any(r => r.ConsultationId == c.Id && r.State == RespondentState.Pending))
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).Select(c => new { c.Id, c.UnitId, c.DueOn, c.SilenceRule }).Take(1000).ToListAsync(ct);
        var total = 0;
        foreach (var c in pending)
        {
            // The rule of the domain decides; the query above only narrows.
            if (ConsultationRules.CheckSilence(RespondentState.Pending, c.DueOn, today) is not null)
            {
                continue;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            await using var tx = await db.BeginOrJoinTransactionAsync(ct);
            var units = await db.ConsultationRespondents.Where(r => r.ConsultationId == c.Id && r.State == RespondentState.Pending).Select(r => r.UnitId).ToListAsync(ct);
            var n = await db.ConsultationRespondents.Where(r => r.ConsultationId == c.Id && r.State == RespondentState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RespondentState.Silent).SetProperty(r => r.SilenceAppliedAtUtc, now), ct);
            if (n > 0)
            {
                // ExecuteUpdate bypasses the change tracker: the audit entry is written here.
                db.AuditEntries.Add(new Domain.Audit.AuditEntry
                {
                    AtUtc = now,
                    UserName = "DanVan (hết hạn góp ý)",
                    UnitId = c.UnitId,
                    Action = "update",
                    EntityType = nameof(ConsultationRespondent),
                    EntityId = c.Id.ToString(CultureInfo.InvariantCulture),
                    Changes = JsonSerializer.Serialize(new Dictionary<string, object?>
                    {
                        ["State"] = new object?[] { nameof(RespondentState.Pending), nameof(RespondentState.Silent) },
                        ["Units"] = units,
                        ["Rule"] = c.SilenceRule,
                        ["DueOn"] = c.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    }, AuditRecorder.Json),
                });
                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
            total += n;
        }

        return total;
    }

    public async Task<bool> CanReadAsync(UserScope user, Consultation row, CancellationToken ct) =>
        ConsultationAccessRules.CanRead(user, await RefAsync(row, ct));

    public async Task<ConsultationAccessRules.ConsultationRef> RefAsync(Consultation row, CancellationToken ct)
    {
        var path = await db.OrgUnits.Where(u => u.Id == row.UnitId).Select(u => u.AncestorPath).SingleAsync(ct);
        var respondents = await db.ConsultationRespondents.Where(r => r.ConsultationId == row.Id).Select(r => r.UnitId).ToListAsync(ct);
        return new ConsultationAccessRules.ConsultationRef(row.UnitId, path, respondents);
    }

    /// <summary>Units that may be consulted by a unit: the active units of its province but itself.</summary>
    public IQueryable<OrgUnit> RespondentCandidates(OrgUnit drafting)
    {
        var prefix = UserScope.ProvincePrefix(drafting.AncestorPath, drafting.Id);
        return db.OrgUnits.AsNoTracking().Where(u => u.ValidTo == null && u.Id != drafting.Id && u.AncestorPath.StartsWith(prefix));
    }

    private async Task<List<UnitSets.Member>> RespondentsAsync(FieldErrors errors, UserScope user, OrgUnit unit, List<int> ids, List<LeadUnitGroup> groups, CancellationToken ct)
    {
        const string field = "RespondentUnitIds";
        var kinds = groups.Where(g => Enum.IsDefined(g)).Distinct().SelectMany(LeadUnitGroups.Kinds).Distinct().ToList();
        if (ids.Count == 0 && kinds.Count == 0)
        {
            errors.Add(field, "Vui lòng chọn ít nhất một đơn vị được lấy ý kiến.");
            return [];
        }

        if (ids.Count > MaxRespondents)
        {
            errors.Add(field, $"Mỗi lần lấy ý kiến tối đa {MaxRespondents.ToString("N0", Vi)} đơn vị.");
            return [];
        }

        var root = UnitSets.KindRoot(user, unit.AncestorPath, unit.Id);
        var (units, missing) = await UnitSets.ReadAsync(db, ids, kinds, root, MaxRespondents, ct);
        units = units.Where(u => u.Id != unit.Id || ids.Contains(u.Id)).ToList();
        if (units.Count > MaxRespondents)
        {
            errors.Add(field, $"Mỗi lần lấy ý kiến tối đa {MaxRespondents.ToString("N0", Vi)} đơn vị.");
        }

        if (missing > 0)
        {
            errors.Add(field, $"Không tìm thấy {missing} đơn vị đã chọn.");
        }

        if (units.Count == 0 && missing == 0)
        {
            errors.Add(field, "Không có đơn vị nào thuộc loại đã chọn trong phạm vi của bạn.");
        }

        if (units.Any(u => u.Id == unit.Id))
        {
            errors.Add(field, "Đơn vị chủ trì soạn thảo không tự lấy ý kiến chính mình.");
        }

        var province = UserScope.ProvincePrefix(unit.AncestorPath, unit.Id);
        var outside = units.Where(u => !UnitPaths.IsWithin(u.AncestorPath, u.Id, province)).ToList();
        if (outside.Count > 0)
        {
            errors.Add(field, $"Chỉ lấy ý kiến các đơn vị trong tỉnh; ngoài phạm vi: {string.Join("; ", outside.Take(20).Select(u => $"{u.Name} ({u.Code})"))}.");
        }

        var closed = units.Where(u => u.Closed).ToList();
        if (closed.Count > 0)
        {
            errors.Add(field, $"Đơn vị đã ngừng hoạt động: {string.Join("; ", closed.Take(20).Select(u => $"{u.Name} ({u.Code})"))}.");
        }

        return units;
    }

    private async Task<List<(int Number, string? Label, string Text)>> ParagraphsAsync(FieldErrors errors, string? pasted, UploadedFile? draft, CancellationToken ct)
    {
        const string field = "DraftText";
        List<(int Number, string? Label, string Text)> paragraphs;
        if (draft is not null && !string.IsNullOrWhiteSpace(pasted))
        {
            errors.Add(field, "Chọn một cách đưa dự thảo: tải tệp Word (.docx) hoặc dán nội dung, không cả hai.");
            return [];
        }

        if (draft is not null)
        {
            if (draft.Content.Length == 0 || draft.Content.LongLength > MaxFileBytes)
            {
                errors.Add("DraftFile", draft.Content.Length == 0 ? "Tệp dự thảo rỗng." : $"Tệp dự thảo quá lớn: tối đa {MaxFileBytes / (1024 * 1024)} MB.");
                return [];
            }

            var check = new UploadValidator(UploadLimits.From(configuration)).Check(draft.Content);
            if (check.Refusal("Dự thảo phải là tệp Word (.docx); tệp PDF, ảnh hoặc Word đời cũ (.doc) không tách được thành từng đoạn.", UploadKind.Docx) is { } refusal)
            {
                errors.Add("DraftFile", refusal);
                return [];
            }

            try
            {
                var text = await reader.ReadAsync(draft.Content, draft.FileName, ct);
                paragraphs = ConsultationRules.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n").Select(b => b.Replace('\n', ' ')));
            }
            catch (UnreadableDocumentException ex)
            {
                errors.Add("DraftFile", ex.Message);
                return [];
            }
        }
        else
        {
            paragraphs = ConsultationRules.SplitPasted(pasted);
        }

        if (paragraphs.Count == 0)
        {
            errors.Add(draft is null ? field : "DraftFile", "Dự thảo chưa có nội dung: tải tệp Word (.docx) hoặc dán nội dung dự thảo, mỗi đoạn một dòng.");
        }
        else if (paragraphs.Count > ConsultationRules.MaxParagraphs)
        {
            errors.Add(draft is null ? field : "DraftFile", $"Dự thảo có {paragraphs.Count} đoạn, quá {ConsultationRules.MaxParagraphs} đoạn; hãy chia thành nhiều dự thảo.");
        }
        else if (paragraphs.FindIndex(p => p.Text.Length > ConsultationRules.MaxParagraphLength) is var index and >= 0 && paragraphs[index] is var longOne)
        {
            errors.Add(draft is null ? field : "DraftFile", $"Đoạn {longOne.Number} dài quá {ConsultationRules.MaxParagraphLength:N0} ký tự; hãy tách thành nhiều đoạn.");
        }

        return paragraphs;
    }

    private static string StaleAnswer(int version) =>
        $"Đơn vị vừa có người khác gửi ý kiến (phiên bản {version}); tải lại trang để xem rồi sửa tiếp nếu cần.";

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
