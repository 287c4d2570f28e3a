using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Cases;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Deadlines;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Dialogues;

/// <summary>What the unit's officer types when planning a dialogue (and, optionally, the day it was announced).</summary>
public sealed class DialogueInput
{
    public string? Topic { get; set; }

    public string? ChairName { get; set; }

    public DialogueAudience? Audience { get; set; }

    public string? AudienceDetail { get; set; }

    public string? HeldOn { get; set; }

    public string? Place { get; set; }

    public bool Online { get; set; }

    public string? CoOrganiser { get; set; }

    /// <summary>dd/MM/yyyy when the notice is already posted; empty to announce later.</summary>
    public string? NoticeOn { get; set; }
}

public sealed class RecordInput
{
    public int? Attendees { get; set; }

    public string? Summary { get; set; }

    public Guid Stamp { get; set; }
}

public sealed class OpinionInput
{
    public string? SpeakerName { get; set; }

    public string? Content { get; set; }

    public string? Field { get; set; }

    public bool AnsweredOnSpot { get; set; }

    public string? Answer { get; set; }

    public int? OwnerUnitId { get; set; }

    public string? DueOn { get; set; }
}

public sealed class ResultsInput
{
    public string? PublishedOn { get; set; }

    public string? Summary { get; set; }

    public Guid Stamp { get; set; }
}

public sealed class CommitmentDoneInput
{
    public string? DoneOn { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// The writes of dialogues: plan, announce (against the clock's minimum notice), record, opinions and their
/// commitments, results (against their limit), a commitment done. Every write is one transaction; the audit trail
/// records each change (AuditRecorder).
/// </summary>
public sealed class DialogueCommands(AppDbContext db, StatutoryDeadlines deadlines, TimeProvider clock)
{
    private const string Stale = "Cuộc đối thoại vừa được người khác cập nhật; tải lại trang rồi làm lại.";

    public async Task<Result<Dialogue>> PlanAsync(UserScope user, DialogueInput input, CancellationToken ct = default)
    {
        if (!DialogueAccessRules.CanManage(user, user.UnitId))
        {
            return Result<Dialogue>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        var topic = errors.RequiredText(nameof(input.Topic), VietnameseText.Nfc(input.Topic), 500, "chủ đề đối thoại");
        var chair = errors.RequiredText(nameof(input.ChairName), VietnameseText.Nfc(input.ChairName), 300, "người chủ trì");
        var detail = errors.Text(nameof(input.AudienceDetail), VietnameseText.Optional(input.AudienceDetail), 500, "Đối tượng cụ thể");
        var place = errors.RequiredText(nameof(input.Place), VietnameseText.Nfc(input.Place), 500, input.Online ? "nền tảng, đường dẫn họp trực tuyến" : "địa điểm");
        var coOrganiser = errors.Text(nameof(input.CoOrganiser), VietnameseText.Optional(input.CoOrganiser), 300, "Cơ quan phối hợp");
        if (input.Audience is null || !Enum.IsDefined(input.Audience.Value))
        {
            errors.Add(nameof(input.Audience), "Vui lòng chọn đối tượng đối thoại.");
        }

        var heldOn = errors.Date(nameof(input.HeldOn), input.HeldOn, "ngày đối thoại", required: true);
        if (heldOn is { } h && (h > today.AddYears(DialogueRules.MaxYearsAhead) || h < today.AddYears(-DialogueRules.MaxYearsBack)))
        {
            errors.Add(nameof(input.HeldOn), "Ngày đối thoại quá xa hôm nay; kiểm tra lại năm.");
            heldOn = null;
        }

        var noticeOn = errors.Date(nameof(input.NoticeOn), input.NoticeOn, "ngày thông báo", required: false);
        Deadline? latest = null;
        if (heldOn is { } held && noticeOn is { } notice)
        {
            latest = await NoticeDeadlineAsync(errors, nameof(input.HeldOn), held, ct);
            if (latest is not null)
            {
                foreach (var (k, v) in DialogueRules.CheckNotice(DialogueState.Planned, held, notice, latest, today))
                {
                    errors.Add(k.Length == 0 ? "" : nameof(input.NoticeOn), v);
                }
            }
        }

        if (errors.Any)
        {
            return Result<Dialogue>.Invalid(errors.ToDictionary());
        }

        var row = new Dialogue
        {
            UnitId = user.UnitId,
            Topic = topic!,
            ChairName = chair!,
            Audience = input.Audience!.Value,
            AudienceDetail = detail,
            HeldOn = heldOn!.Value,
            Place = place!,
            Online = input.Online,
            CoOrganiser = coOrganiser,
            State = noticeOn is null ? DialogueState.Planned : DialogueState.Announced,
            NoticeOn = noticeOn,
            NoticeExplanation = latest is null ? null : Clip(latest.Explanation),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        row.SearchText = Search(row);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.Dialogues.Add(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Dialogue>.Ok(row);
    }

    /// <summary>Thông báo công khai: refused when later than the clock's minimum notice allows.</summary>
    public async Task<Result<Dialogue>> AnnounceAsync(UserScope user, int id, string? noticeOn, Guid stamp, CancellationToken ct = default)
    {
        var (row, failure) = await LoadForWriteAsync(user, id, stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        var notice = errors.Date("NoticeOn", noticeOn, "ngày thông báo", required: true);
        if (notice is { } n && await NoticeDeadlineAsync(errors, "", row!.HeldOn, ct) is { } latest)
        {
            foreach (var (k, v) in DialogueRules.CheckNotice(row.State, row.HeldOn, n, latest, today))
            {
                errors.Add(k, v);
            }

            row.NoticeExplanation = Clip(latest.Explanation);
        }

        if (errors.Any)
        {
            return Result<Dialogue>.Invalid(errors.ToDictionary());
        }

        row!.NoticeOn = notice;
        row.State = DialogueState.Announced;
        return await SaveAsync(row, ct);
    }

    /// <summary>Biên bản: attendees and the course of the meeting; the results' limit is set from the clock.</summary>
    public async Task<Result<Dialogue>> RecordAsync(UserScope user, int id, RecordInput input, CancellationToken ct = default)
    {
        var (row, failure) = await LoadForWriteAsync(user, id, input.Stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new FieldErrors();
        foreach (var (k, v) in DialogueRules.CheckRecord(row!.State, row.HeldOn, input.Attendees, VietnamClock.Today(clock)))
        {
            errors.Add(k, v);
        }

        var summary = errors.RequiredText(nameof(input.Summary), VietnameseText.Nfc(input.Summary), 4000, "thành phần và diễn biến hội nghị");
        var limit = await deadlines.ComputeAsync(DialogueRules.ResultsRule, new DeadlineRequest { From = row.HeldOn }, ct);
        if (!limit.IsOk)
        {
            errors.Add("", limit.Error!);
        }

        if (errors.Any)
        {
            return Result<Dialogue>.Invalid(errors.ToDictionary());
        }

        row.Attendees = input.Attendees;
        row.RecordSummary = summary;
        row.ResultsDueOn = limit.Value!.Date;
        row.ResultsDueExplanation = Clip(limit.Value.Explanation);
        row.State = DialogueState.Held;
        return await SaveAsync(row, ct);
    }

    /// <summary>One opinion of the record; one not answered on the spot becomes a commitment of its owner unit.</summary>
    public async Task<Result<DialogueOpinion>> AddOpinionAsync(UserScope user, int id, OpinionInput input, CancellationToken ct = default)
    {
        var row = await db.Dialogues.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null || !await CanReadAsync(user, row, ct))
        {
            return Result<DialogueOpinion>.NotFound();
        }

        if (!DialogueAccessRules.CanManage(user, row.UnitId))
        {
            return Result<DialogueOpinion>.Forbidden();
        }

        var errors = new FieldErrors();
        if (DialogueRules.CheckOpinion(row.State) is { } stateError)
        {
            errors.Add("", stateError);
        }

        var speaker = errors.RequiredText(nameof(input.SpeakerName), VietnameseText.Nfc(input.SpeakerName), 300, "người nêu ý kiến");
        var content = errors.RequiredText(nameof(input.Content), VietnameseText.Nfc(input.Content), 4000, "nội dung ý kiến, kiến nghị");
        if (input.Field is null || (await Cases.CaseFieldQueries.InForceAsync(db, VietnamClock.Today(clock), ct)).All(f => f.Code != input.Field))
        {
            errors.Add(nameof(input.Field), "Vui lòng chọn lĩnh vực.");
        }

        string? answer = null;
        DateOnly? due = null;
        if (input.AnsweredOnSpot)
        {
            answer = errors.RequiredText(nameof(input.Answer), VietnameseText.Nfc(input.Answer), 4000, "nội dung trả lời tại hội nghị");
        }
        else
        {
            answer = errors.Text(nameof(input.Answer), VietnameseText.Optional(input.Answer), 4000, "Ghi chú");
            due = errors.Date(nameof(input.DueOn), input.DueOn, "hạn giải quyết", required: false);
            var dueMissing = string.IsNullOrWhiteSpace(input.DueOn);
            foreach (var (k, v) in DialogueRules.CheckCommitment(input.OwnerUnitId, dueMissing ? null : due ?? row.HeldOn, row.HeldOn))
            {
                errors.Add(k, v);
            }

            if (input.OwnerUnitId is > 0 && !await IsOwnerCandidateAsync(row.UnitId, input.OwnerUnitId.Value, ct))
            {
                errors.Add(nameof(input.OwnerUnitId), "Đơn vị chịu trách nhiệm phải là đơn vị đang hoạt động trong cùng tỉnh.");
            }
        }

        if (errors.Any)
        {
            return Result<DialogueOpinion>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.LockForCreateAsync($"dialogue-opinion:{id}", ct);
        var number = (await db.DialogueOpinions.Where(o => o.DialogueId == id).MaxAsync(o => (int?)o.Number, ct) ?? 0) + 1;
        var opinion = new DialogueOpinion
        {
            DialogueId = id,
            Number = number,
            SpeakerName = speaker!,
            Content = content!,
            Field = input.Field!,
            AnsweredOnSpot = input.AnsweredOnSpot,
            Answer = answer,
        };
        db.DialogueOpinions.Add(opinion);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return Result<DialogueOpinion>.Invalid("", "Ý kiến vừa được người khác ghi cùng lúc; tải lại trang rồi ghi lại.");
        }

        if (!input.AnsweredOnSpot)
        {
            db.DialogueCommitments.Add(new DialogueCommitment
            {
                DialogueId = id,
                OpinionId = opinion.Id,
                OwnerUnitId = input.OwnerUnitId!.Value,
                Content = content!,
                DueOn = due!.Value,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return Result<DialogueOpinion>.Ok(opinion);
    }

    /// <summary>Thông báo kết quả: refused after the clock's limit.</summary>
    public async Task<Result<Dialogue>> PublishResultsAsync(UserScope user, int id, ResultsInput input, CancellationToken ct = default)
    {
        var (row, failure) = await LoadForWriteAsync(user, id, input.Stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new FieldErrors();
        var published = errors.Date(nameof(input.PublishedOn), input.PublishedOn, "ngày công bố kết quả", required: true);
        var summary = errors.RequiredText(nameof(input.Summary), VietnameseText.Nfc(input.Summary), 4000, "kết quả đối thoại");
        if (row!.State != DialogueState.Held)
        {
            errors.Add("", row.State == DialogueState.ResultsPublished ? "Kết quả đối thoại đã được công bố." : "Chỉ công bố kết quả sau khi đã ghi biên bản cuộc đối thoại.");
        }
        else if (published is { } p)
        {
            var limit = await deadlines.ComputeAsync(DialogueRules.ResultsRule, new DeadlineRequest { From = row.HeldOn }, ct);
            if (!limit.IsOk)
            {
                errors.Add("", limit.Error!);
            }
            else
            {
                foreach (var (k, v) in DialogueRules.CheckResults(row.State, row.HeldOn, p, limit.Value!, VietnamClock.Today(clock)))
                {
                    errors.Add(k, v);
                }
            }
        }

        if (errors.Any)
        {
            return Result<Dialogue>.Invalid(errors.ToDictionary());
        }

        row.ResultsPublishedOn = published;
        row.ResultsSummary = summary;
        row.State = DialogueState.ResultsPublished;
        return await SaveAsync(row, ct);
    }

    /// <summary>A commitment done, with what was done: by the owner unit or the dialogue's unit.</summary>
    public async Task<Result<DialogueCommitment>> CompleteCommitmentAsync(UserScope user, int commitmentId, CommitmentDoneInput input, CancellationToken ct = default)
    {
        var commitment = await db.DialogueCommitments.FirstOrDefaultAsync(c => c.Id == commitmentId, ct);
        var dialogue = commitment is null ? null : await db.Dialogues.AsNoTracking().FirstOrDefaultAsync(d => d.Id == commitment.DialogueId, ct);
        if (commitment is null || dialogue is null || !await CanReadAsync(user, dialogue, ct))
        {
            return Result<DialogueCommitment>.NotFound();
        }

        if (!DialogueAccessRules.CanCloseCommitment(user, dialogue.UnitId, commitment.OwnerUnitId))
        {
            return Result<DialogueCommitment>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        if (commitment.State == CommitmentState.Done)
        {
            errors.Add("", $"Cam kết đã hoàn thành ngày {VietnameseText.FormatDate(commitment.DoneOn)}.");
        }

        var done = errors.Date(nameof(input.DoneOn), input.DoneOn, "ngày hoàn thành", required: true);
        if (done is { } d && d > today)
        {
            errors.Add(nameof(input.DoneOn), "Ngày hoàn thành không được sau hôm nay.");
        }
        else if (done is { } d2 && d2 < dialogue.HeldOn)
        {
            errors.Add(nameof(input.DoneOn), $"Ngày hoàn thành không được trước ngày đối thoại ({VietnameseText.FormatDate(dialogue.HeldOn)}).");
        }

        var note = errors.RequiredText(nameof(input.Note), VietnameseText.Nfc(input.Note), 2000, "kết quả giải quyết, trả lời");
        if (errors.Any)
        {
            return Result<DialogueCommitment>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var updated = await db.DialogueCommitments.Where(c => c.Id == commitmentId && c.State == CommitmentState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CommitmentState.Done).SetProperty(c => c.DoneOn, done).SetProperty(c => c.DoneNote, note), ct);
        if (updated == 0)
        {
            return Result<DialogueCommitment>.Invalid("", "Cam kết vừa được người khác ghi hoàn thành; tải lại trang.");
        }

        // ExecuteUpdate bypasses the change tracker: the audit entry is written here, like every other write.
        db.AuditEntries.Add(new Domain.Audit.AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = user.UserId,
            UserName = user.UserName,
            ActorUnitId = user.UnitId,
            UnitId = commitment.OwnerUnitId,
            Action = "update",
            EntityType = nameof(DialogueCommitment),
            EntityId = commitment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?[]>
            {
                ["State"] = [nameof(CommitmentState.Open), nameof(CommitmentState.Done)],
                ["DoneOn"] = [null, done!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
                ["DoneNote"] = [null, note],
            }, AuditRecorder.Json),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        commitment.State = CommitmentState.Done;
        commitment.DoneOn = done;
        commitment.DoneNote = note;
        return Result<DialogueCommitment>.Ok(commitment);
    }

    public async Task<bool> CanReadAsync(UserScope user, Dialogue row, CancellationToken ct)
    {
        var path = await db.OrgUnits.Where(u => u.Id == row.UnitId).Select(u => u.AncestorPath).SingleAsync(ct);
        var owners = await db.DialogueCommitments.Where(c => c.DialogueId == row.Id).Select(c => c.OwnerUnitId).Distinct().ToListAsync(ct);
        return DialogueAccessRules.CanRead(user, new DialogueAccessRules.DialogueRef(row.UnitId, path, owners));
    }

    /// <summary>Units that may own a commitment of a dialogue: active units of the dialogue unit's province.</summary>
    public IQueryable<OrgUnit> OwnerCandidates(OrgUnit dialogueUnit)
    {
        var prefix = UserScope.ProvincePrefix(dialogueUnit.AncestorPath, dialogueUnit.Id);
        var rootId = UnitPaths.Ancestors(prefix).Last();
        return db.OrgUnits.AsNoTracking().Where(u => u.ValidTo == null && (u.Id == rootId || u.AncestorPath.StartsWith(prefix)));
    }

    private async Task<bool> IsOwnerCandidateAsync(int dialogueUnitId, int ownerUnitId, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == dialogueUnitId, ct);
        return await OwnerCandidates(unit).AnyAsync(u => u.Id == ownerUnitId, ct);
    }

    private async Task<(Dialogue? Row, Result<Dialogue>? Failure)> LoadForWriteAsync(UserScope user, int id, Guid stamp, CancellationToken ct)
    {
        var row = await db.Dialogues.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null || !await CanReadAsync(user, row, ct))
        {
            return (null, Result<Dialogue>.NotFound());
        }

        if (!DialogueAccessRules.CanManage(user, row.UnitId))
        {
            return (null, Result<Dialogue>.Forbidden());
        }

        return row.ConcurrencyStamp != stamp ? (null, Result<Dialogue>.Invalid("", Stale)) : (row, null);
    }

    private async Task<Result<Dialogue>> SaveAsync(Dialogue row, CancellationToken ct)
    {
        row.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Dialogue>.Invalid("", Stale);
        }

        return Result<Dialogue>.Ok(row);
    }

    private async Task<Deadline?> NoticeDeadlineAsync(FieldErrors errors, string field, DateOnly heldOn, CancellationToken ct)
    {
        var answer = await deadlines.ComputeAsync(DialogueRules.NoticeRule, new DeadlineRequest { From = heldOn }, ct);
        if (!answer.IsOk)
        {
            errors.Add(field, answer.Error!);
            return null;
        }

        return answer.Value;
    }

    private static string Clip(string text) => text.Length > 600 ? text[..600] : text;

    private static string Search(Dialogue d) =>
        VietnameseText.Fold($"{d.Topic} {d.ChairName} {d.Place} {d.AudienceDetail} {d.CoOrganiser} {DialogueRules.Label(d.Audience)}");
}
