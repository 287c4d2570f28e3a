using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Text;
using DanVan.Features.Deadlines;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Dialogues;

/// <summary>One dialogue: the previous one's commitments first, then the notice, the record with its opinions, the results.</summary>
public class DetailsModel(AppDbContext db, CurrentUser currentUser, DialogueCommands commands, StatutoryDeadlines deadlines, TimeProvider clock) : PageModel
{
    public sealed class NoticeInput
    {
        public string? NoticeOn { get; set; }

        public Guid Stamp { get; set; }
    }

    [BindProperty]
    public NoticeInput Notice { get; set; } = new();

    [BindProperty]
    public RecordInput Record { get; set; } = new();

    [BindProperty]
    public OpinionInput Opinion { get; set; } = new();

    [BindProperty]
    public ResultsInput Results { get; set; } = new();

    [BindProperty]
    public CommitmentDoneInput Done { get; set; } = new();

    public Dialogue Dialogue { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public Domain.Units.OrgUnitKind UnitKind { get; private set; }

    public bool CanManage { get; private set; }

    public bool CanSeeSpeakers { get; private set; }

    public UserScope Scope { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public List<DialogueOpinion> Opinions { get; private set; } = [];

    /// <summary>The fields' names (table CaseFields) and the ones an opinion may be filed under today.</summary>
    public IReadOnlyDictionary<string, string> FieldNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<Domain.Cases.CaseField> FieldOptions { get; private set; } = [];

    public List<CommitmentRow> Commitments { get; private set; } = [];

    public Dialogue? Previous { get; private set; }

    public List<CommitmentRow> PreviousCommitments { get; private set; } = [];

    public List<(int Id, string Name)> OwnerUnits { get; private set; } = [];

    /// <summary>The clock's latest notice day, while the dialogue waits for its notice.</summary>
    public Deadline? NoticeLatest { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        // The stamps go out with the page only: a post carries the one it was read with.
        Notice.Stamp = Dialogue.ConcurrencyStamp;
        Record.Stamp = Dialogue.ConcurrencyStamp;
        Results.Stamp = Dialogue.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAnnounceAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.AnnounceAsync(Scope, id, Notice.NoticeOn, Notice.Stamp, ct);
        return Done_("Đã ghi thông báo; thông báo đã hiện trên trang công khai.", result, "Notice", id);
    }

    public async Task<IActionResult> OnPostRecordAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.RecordAsync(Scope, id, Record, ct);
        return Done_("Đã ghi biên bản. Ghi từng ý kiến, kiến nghị của Nhân dân bên dưới.", result, "Record", id);
    }

    public async Task<IActionResult> OnPostOpinionAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.AddOpinionAsync(Scope, id, Opinion, ct);
        return Done_(Opinion.AnsweredOnSpot ? "Đã ghi ý kiến và nội dung trả lời tại hội nghị." : "Đã ghi ý kiến và giao đơn vị giải quyết: cam kết được theo dõi đến khi hoàn thành.", result, "Opinion", id);
    }

    public async Task<IActionResult> OnPostResultsAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.PublishResultsAsync(Scope, id, Results, ct);
        return Done_("Đã công bố kết quả đối thoại; kết quả và tình trạng cam kết hiện trên trang công khai.", result, "Results", id);
    }

    public async Task<IActionResult> OnPostDoneAsync(int id, int commitmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (Commitments.All(c => c.Id != commitmentId) && PreviousCommitments.All(c => c.Id != commitmentId))
        {
            return NotFound();
        }

        var result = await commands.CompleteCommitmentAsync(Scope, commitmentId, Done, ct);
        return Done_("Đã ghi cam kết hoàn thành.", result, "Done", id);
    }

    /// <summary>Thông báo tổ chức, biên bản, thông báo kết quả (DOCX per Nghị định 30).</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, DialogueDocx.Kind kind, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var ready = kind switch
        {
            DialogueDocx.Kind.Notice => true,
            DialogueDocx.Kind.Record => Dialogue.State >= DialogueState.Held && CanSeeSpeakers,
            DialogueDocx.Kind.Results => Dialogue.State == DialogueState.ResultsPublished,
            _ => false,
        };
        if (!ready)
        {
            ModelState.AddModelError("", kind == DialogueDocx.Kind.Record && !CanSeeSpeakers
                ? "Biên bản có họ tên người nêu ý kiến: chỉ cán bộ của đơn vị tổ chức được tải."
                : "Chưa có văn bản này: cuộc đối thoại chưa đến bước đó.");
            return Page();
        }

        var (unit, place) = await Shared.DocumentPlace.OfUnitAsync(db, Dialogue.UnitId, ct);
        var opinions = Opinions.Select(o => new DialogueDocx.Opinion(o.Number, o.SpeakerName, o.Content, Domain.Cases.CaseFieldCatalog.Name(FieldNames, o.Field),
            o.AnsweredOnSpot ? o.Answer ?? "" : CommitmentText(o.Id))).ToList();
        var stream = new MemoryStream();
        DialogueDocx.Write(stream, kind, new DialogueDocx.Facts(Dialogue, unit.Name, unit.Kind, place, Today, opinions, Commitments));
        stream.Position = 0;
        Response.Headers.CacheControl = "no-store";
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DialogueDocx.FileName(kind, Dialogue.Id));
    }

    public string CommitmentText(int opinionId)
    {
        var c = CommitmentOf(opinionId);
        return c is null ? "Chưa trả lời" : $"Giao {c.OwnerUnitName} giải quyết, trả lời trước ngày {VietnameseText.FormatDate(c.DueOn)}";
    }

    public CommitmentRow? CommitmentOf(int opinionId)
    {
        var number = Opinions.FirstOrDefault(o => o.Id == opinionId)?.Number;
        return number is null ? null : Commitments.FirstOrDefault(c => c.OpinionNumber == number);
    }

    public bool CanClose(CommitmentRow c) => c.State == CommitmentState.Open && DialogueAccessRules.CanCloseCommitment(Scope, Dialogue.UnitId, c.OwnerUnitId);

    private IActionResult Done_<T>(string message, Result<T> result, string prefix, int id)
    {
        if (result.IsOk)
        {
            TempData["Message"] = message;
            return Redirect($"/Dialogues/Details/{id}");
        }

        return this.Failure(result, prefix) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.Dialogues.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null || !await commands.CanReadAsync(Scope, row, ct))
        {
            return NotFound();
        }

        Dialogue = row;
        Today = VietnamClock.Today(clock);
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == row.UnitId, ct);
        UnitName = unit.Name;
        UnitKind = unit.Kind;
        CanManage = DialogueAccessRules.CanManage(Scope, row.UnitId);
        CanSeeSpeakers = DialogueAccessRules.CanSeeSpeakers(Scope, row.UnitId);
        Opinions = await db.DialogueOpinions.AsNoTracking().Where(o => o.DialogueId == id).OrderBy(o => o.Number).ToListAsync(ct);
        FieldNames = await Cases.CaseFieldQueries.NamesAsync(db, ct);
        FieldOptions = await Cases.CaseFieldQueries.InForceAsync(db, Today, ct);
        Commitments = (await db.DialogueCommitments.AsNoTracking().Where(c => c.DialogueId == id).ToRows(db).ToListAsync(ct)).OrderBy(c => c.OpinionNumber).ToList();
        Previous = await DialogueQueries.PreviousAsync(db, row, ct);
        if (Previous is not null)
        {
            PreviousCommitments = (await db.DialogueCommitments.AsNoTracking().Where(c => c.DialogueId == Previous.Id).ToRows(db).ToListAsync(ct)).OrderBy(c => c.OpinionNumber).ToList();
        }

        if (CanManage && row.State == DialogueState.Planned)
        {
            var answer = await deadlines.ComputeAsync(DialogueRules.NoticeRule, new DeadlineRequest { From = row.HeldOn }, ct);
            NoticeLatest = answer.Value;
        }

        if (CanManage && row.State == DialogueState.Held)
        {
            OwnerUnits = (await commands.OwnerCandidates(unit).OrderBy(u => u.Id != unit.Id).ThenBy(u => u.Depth).ThenByVietnamese(db, u => u.Name)
                .Select(u => new { u.Id, u.Name }).Take(500).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        }

        Notice.NoticeOn ??= VietnameseText.FormatDate(Today);
        Results.PublishedOn ??= VietnameseText.FormatDate(Today);
        Done.DoneOn ??= VietnameseText.FormatDate(Today);
        return null;
    }
}
