using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Domain.Import;
using DanVan.Domain.Plans;
using DanVan.Domain.Text;
using DanVan.Domain.WorkItems;
using DanVan.Features.Documents;
using DanVan.Features.Plans;
using DanVan.Features.Tasks;
using DanVan.Infrastructure;

namespace DanVan.Features.Import;

/// <summary>What the review screen shows and posts back: the parser's proposal, as corrected by the person.</summary>
public sealed class ImportForm
{
    /// <summary>The normalised text the proposal was read from (shown beside the fields; posted back with them).</summary>
    public string SourceText { get; set; } = "";

    public string? FileName { get; set; }

    /// <summary>The uploaded Word or PDF file itself (base64, posted back with the review), kept as the document's original.</summary>
    public string? OriginalContent { get; set; }

    /// <summary>Whether to keep <see cref="OriginalContent"/> with the document (the reviewer may leave it out).</summary>
    public bool AttachOriginal { get; set; } = true;

    public string? Kind { get; set; }

    public string? Code { get; set; }

    public string? Issuer { get; set; }

    public string? ParentBody { get; set; }

    public string? Place { get; set; }

    /// <summary>dd/MM/yyyy; blank when the document leaves the day or month blank (a draft).</summary>
    public string? IssuedOn { get; set; }

    public string? Title { get; set; }

    public string? SignerAuthority { get; set; }

    public string? SignerPosition { get; set; }

    public string? SignerName { get; set; }

    /// <summary>One recipient per line.</summary>
    public string? Recipients { get; set; }

    public List<ImportCitationRow> Citations { get; set; } = [];

    public bool CreatePlan { get; set; }

    public string? Purposes { get; set; }

    public string? Body { get; set; }

    /// <summary>One target per line, as the plan form takes them.</summary>
    public string? Targets { get; set; }

    public List<ImportTaskRow> Tasks { get; set; } = [];

    /// <summary>Line of <see cref="SourceText"/> each header field came from (for the "nguồn" links).</summary>
    public Dictionary<string, int> Lines { get; set; } = [];
}

public sealed class ImportCitationRow
{
    public bool Include { get; set; } = true;

    public CitationRelation Relation { get; set; } = CitationRelation.Reference;

    public string Description { get; set; } = "";

    public int Line { get; set; }
}

public sealed class ImportTaskRow
{
    public bool Include { get; set; }

    /// <summary>The agency as the document names it.</summary>
    public string Assignee { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public int? LeadUnitId { get; set; }

    /// <summary>"once", "yearly", "half-yearly", "quarterly", "monthly" (the parser's recurrence words).</summary>
    public string Repeat { get; set; } = "once";

    /// <summary>dd/MM/yyyy for a single due date; for a recurrence, the day and month of the first one.</summary>
    public string? DueOn { get; set; }

    public int Line { get; set; }

    /// <summary>Why the proposed due date differs from the document's, or why none is proposed (shown under the date).</summary>
    public string? Note { get; set; }
}

/// <summary>The documents, plan and tasks the confirmation created.</summary>
public sealed record ImportOutcome(int DocumentId, int? PlanId, int TaskCount);

/// <summary>
/// Turns a parsed document into a proposal for the review screen, and a confirmed proposal into records — the
/// document with its citations, the plan with its targets, the tasks with their lead units and deadlines — in one
/// transaction: any error and nothing is saved.
/// </summary>
public sealed class DocumentImport(AppDbContext db, DocumentCommands documents, PlanCommands plans, WorkItemCommands tasks)
{
    /// <summary>
    /// The proposal. Lead units are chosen only when <paramref name="preselect"/> (the document is of the user's own
    /// province, see <see cref="UnitMatcher.OriginAsync"/>); due dates only where the confirmation will take them:
    /// not before the day deadlines count from (the issue date, or today for an undated draft).
    /// </summary>
    public static ImportForm Propose(ParsedDocument p, IReadOnlyList<UnitChoice> units, DateOnly today, string? fileName = null, bool preselect = true)
    {
        var text = p.Text;
        var form = new ImportForm
        {
            SourceText = text,
            FileName = fileName,
            Kind = p.Kind,
            Code = p.Code,
            Issuer = p.Issuer,
            ParentBody = p.ParentBody,
            Place = p.Place,
            IssuedOn = p.Date is { Length: 10 } iso && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? VietnameseText.FormatDate(d) : null,
            Title = p.Title,
            SignerAuthority = AuthorityPrefix(p.Signer?.Authority),
            SignerPosition = p.Signer?.Position,
            SignerName = p.Signer?.Name,
            Recipients = string.Join('\n', p.Recipients),
        };
        foreach (var (field, span) in p.Sources)
        {
            form.Lines[field] = LineOf(text, span.Start);
        }

        foreach (var c in p.Citations)
        {
            var before = text[Math.Max(0, c.Source.Start - 60)..c.Source.Start];
            form.Citations.Add(new ImportCitationRow
            {
                Description = Describe(c),
                Relation = before.Contains("Căn cứ", StringComparison.OrdinalIgnoreCase) ? CitationRelation.Basis
                    : before.Contains("Thực hiện", StringComparison.OrdinalIgnoreCase) ? CitationRelation.Implements : CitationRelation.Reference,
                Line = LineOf(text, c.Source.Start),
            });
        }

        var isPlan = p.Kind == "Kế hoạch";
        form.CreatePlan = isPlan;
        if (isPlan)
        {
            (form.Purposes, form.Body) = PlanParts(p);
            form.Targets = string.Join('\n', p.Targets.Select(t => t.Text).Where(t => TargetText.Parse(t) is not null));
        }

        var year = p.Date is { Length: >= 4 } y && int.TryParse(y[..4], CultureInfo.InvariantCulture, out var written) ? written : today.Year;
        var start = CountsFrom(form.IssuedOn, today);
        foreach (var a in p.Assignments)
        {
            var suggestions = UnitMatcher.Suggest(a.Assignee, units, p.Place, 1);
            var lead = preselect ? suggestions.FirstOrDefault(s => s.Score >= UnitMatcher.ConfidentScore) : null;
            foreach (var task in a.Tasks)
            {
                var deadline = p.Deadlines.FirstOrDefault(x => task.Contains(x.Text, StringComparison.Ordinal));
                var row = new ImportTaskRow
                {
                    Include = lead is not null,
                    Assignee = a.Assignee,
                    Title = TitleOf(task),
                    Description = task.Length > 300 ? task : null,
                    LeadUnitId = lead?.Id,
                    Line = LineOf(text, a.Source.Start),
                };
                SetSchedule(row, deadline, year, start);
                form.Tasks.Add(row);
            }
        }

        return form;
    }

    public async Task<Result<ImportOutcome>> ConfirmAsync(UserScope user, ImportForm form, DateOnly? issuedOn, IReadOnlyList<DateOnly?> dueDates, CancellationToken ct)
    {
        UploadedFile? original = null;
        if (form.AttachOriginal && !string.IsNullOrEmpty(form.OriginalContent) && form.FileName is { } name)
        {
            var bytes = new byte[form.OriginalContent.Length * 3 / 4 + 3];
            if (!Convert.TryFromBase64String(form.OriginalContent, bytes, out var length))
            {
                return Result<ImportOutcome>.Invalid("", "Tệp gốc gửi kèm bị hỏng trên đường truyền: hãy tải tệp lên lại, hoặc bỏ chọn đính kèm tệp gốc.");
            }

            original = new UploadedFile(name, bytes[..length]);
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var citations = form.Citations.Where(c => c.Include && !string.IsNullOrWhiteSpace(c.Description))
            .Select(c => new CitationInput(c.Relation, c.Description)).ToList();
        var registered = await documents.RegisterAsync(user, new RegisterDocumentCommand(
            null, form.Code, form.Issuer, null, form.Place, issuedOn, form.Title, VietnameseText.Optional(form.SignerAuthority),
            form.SignerPosition, form.SignerName, VietnameseText.Optional(form.Recipients), citations, original), ct);
        if (!registered.IsOk)
        {
            return Fail(registered.Status, registered.Errors, "");
        }

        var document = registered.Value!;
        int? planId = null;
        if (form.CreatePlan)
        {
            var plan = await plans.CreateAsync(user, new CreatePlanCommand(document.Id, form.Purposes, form.Body, form.Targets), ct);
            if (!plan.IsOk)
            {
                return Fail(plan.Status, plan.Errors, "");
            }

            planId = plan.Value!.Id;
        }

        var errors = new Dictionary<string, string[]>();
        var created = 0;
        for (var i = 0; i < form.Tasks.Count; i++)
        {
            var row = form.Tasks[i];
            if (!row.Include)
            {
                continue;
            }

            if (row.LeadUnitId is null)
            {
                errors[$"Tasks[{i}].LeadUnitId"] = [$"Chọn đơn vị chủ trì cho nhiệm vụ của “{row.Assignee}” (hoặc bỏ chọn nhiệm vụ này)."];
                continue;
            }

            var schedule = ScheduleOf(row, dueDates[i]);
            if (schedule is null)
            {
                errors[$"Tasks[{i}].DueOn"] = ["Nhập hạn hoàn thành (ngày/tháng/năm)."];
                continue;
            }

            var result = await tasks.CreateAsync(user, new CreateWorkItemCommand(
                row.Title, row.Description, null, row.LeadUnitId, [], document.Id, schedule, issuedOn, null), ct);
            if (result.Status is ResultStatus.Forbidden or ResultStatus.NotFound)
            {
                return Result<ImportOutcome>.Forbidden();
            }

            foreach (var (field, messages) in result.Errors)
            {
                var key = field switch { "Schedule" or "PeriodEnd" or "PeriodStart" => "DueOn", "" => "Title", _ => field };
                errors[$"Tasks[{i}].{key}"] = messages;
            }

            created += result.IsOk ? 1 : 0;
        }

        if (errors.Count > 0)
        {
            return Result<ImportOutcome>.Invalid(errors); // the transaction is not committed: nothing is kept
        }

        await tx.CommitAsync(ct);
        return Result<ImportOutcome>.Ok(new ImportOutcome(document.Id, planId, created));
    }

    private static Result<ImportOutcome> Fail(ResultStatus status, IReadOnlyDictionary<string, string[]> errors, string prefix) => status switch
    {
        ResultStatus.Forbidden => Result<ImportOutcome>.Forbidden(),
        ResultStatus.NotFound => Result<ImportOutcome>.NotFound(),
        _ => Result<ImportOutcome>.Invalid(errors.ToDictionary(e => prefix + e.Key, e => e.Value)),
    };

    /// <summary>The schedule a row asks for; null when its date is missing.</summary>
    public static Schedule? ScheduleOf(ImportTaskRow row, DateOnly? due)
    {
        if (due is not { } d)
        {
            return null;
        }

        return row.Repeat switch
        {
            "yearly" => Schedule.Yearly(d.Day, d.Month),
            "half-yearly" => Schedule.HalfYearly(d.Day, d.Month > 6 ? d.Month - 6 : d.Month),
            "quarterly" => Schedule.Quarterly(d.Day, ((d.Month - 1) % 3) + 1),
            "monthly" => Schedule.Monthly(d.Day),
            _ => Schedule.Once(d),
        };
    }

    public static readonly (string Value, string Label)[] RepeatChoices =
    [
        ("once", "Một lần"), ("yearly", "Hằng năm"), ("half-yearly", "Sáu tháng"), ("quarterly", "Hằng quý"), ("monthly", "Hằng tháng"),
    ];

    /// <summary>The day the deadlines of the imported tasks count from: the issue date, or today when the document has none.</summary>
    public static DateOnly CountsFrom(string? issuedOn, DateOnly today) =>
        DateOnly.TryParseExact(issuedOn, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : today;

    private static void SetSchedule(ImportTaskRow row, ParsedDeadline? deadline, int year, DateOnly start)
    {
        if (deadline is null)
        {
            // by the end of the plan's year unless it says otherwise (of the year deadlines count from, for an old undated draft)
            row.DueOn = VietnameseText.FormatDate(new DateOnly(Math.Max(year, start.Year), 12, 31));
            return;
        }

        var due = DayOf(deadline.Year ?? year, deadline.Month, deadline.Day);
        row.Repeat = deadline.Year is null && deadline.Recurrence != "none" ? deadline.Recurrence : "once";
        if (row.Repeat != "once" || due >= start)
        {
            row.DueOn = VietnameseText.FormatDate(due);
        }
        else if (deadline.Year is null)
        {
            // "trước ngày 15/3" in a plan issued on 20/3: the next 15/3 the task can still be done by
            var next = due;
            while (next < start)
            {
                next = DayOf(next.Year + 1, deadline.Month, deadline.Day);
            }

            row.DueOn = VietnameseText.FormatDate(next);
            row.Note = $"Văn bản ghi hạn {deadline.Day.ToString("00", CultureInfo.InvariantCulture)}/{deadline.Month.ToString("00", CultureInfo.InvariantCulture)} không kèm năm; đề xuất {row.DueOn}, không trước ngày bắt đầu tính hạn {VietnameseText.FormatDate(start)}.";
        }
        else
        {
            row.DueOn = null;
            row.Include = false;
            row.Note = $"Văn bản ghi hạn {VietnameseText.FormatDate(due)}, trước ngày bắt đầu tính hạn {VietnameseText.FormatDate(start)}: nhập hạn mới nếu vẫn giao nhiệm vụ này.";
        }
    }

    private static DateOnly DayOf(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static string TitleOf(string task)
    {
        if (task.Length <= 300)
        {
            return task;
        }

        var stop = task.IndexOfAny(['.', ';'], 60);
        return stop is > 0 and <= 300 ? task[..stop] : task[..task.LastIndexOf(' ', 297)] + "…";
    }

    /// <summary>"KT." from "KT. GIÁM ĐỐC"; the signer's own authority when there are two ("TM. …, KT. CHỦ TỊCH").</summary>
    private static string? AuthorityPrefix(string? authority)
    {
        if (authority is null)
        {
            return null;
        }

        var last = authority.Split(", ").Last();
        var dot = last.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? last[..(dot + 1)] : null;
    }

    private static string Describe(ParsedCitation c)
    {
        var s = c.Code is null ? $"{c.Kind} {c.Title}" : $"{c.Kind} số {c.Code}";
        if (c.Date is { Length: 10 } iso && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            s += " ngày " + VietnameseText.FormatDate(d);
        }

        return c.Issuer is null ? s : s + " của " + c.Issuer;
    }

    /// <summary>Section I (mục đích, yêu cầu) as the purposes; the sections after it as the body.</summary>
    private static (string? Purposes, string? Body) PlanParts(ParsedDocument p)
    {
        var roman = p.Sections.Where(s => s.Level == 1).ToList();
        var end = new[] { p.Sources.GetValueOrDefault("recipients").Start, p.Sources.GetValueOrDefault("signer").Start }
            .Where(x => x > 0).DefaultIfEmpty(p.Text.Length).Min();
        var closing = p.Text.LastIndexOf("\nTrên đây", StringComparison.Ordinal);
        if (closing > 0 && closing < end)
        {
            end = closing;
        }

        var purposeIndex = roman.FindIndex(s => VietnameseText.Fold(s.Heading).Contains("muc dich", StringComparison.Ordinal));
        if (purposeIndex < 0)
        {
            var start = roman.Count > 0 ? roman[0].Source.Start : 0;
            return (null, Cut(p.Text, start, end));
        }

        var purposesEnd = purposeIndex + 1 < roman.Count ? roman[purposeIndex + 1].Source.Start : end;
        var purposes = Cut(p.Text, roman[purposeIndex].Source.End, purposesEnd);
        var body = purposeIndex + 1 < roman.Count ? Cut(p.Text, roman[purposeIndex + 1].Source.Start, end) : null;
        return (purposes, body);
    }

    private static string? Cut(string text, int start, int end)
    {
        if (end <= start || start >= text.Length)
        {
            return null;
        }

        var s = text[start..Math.Min(end, text.Length)].Trim();
        return s.Length > 100_000 ? s[..100_000] : s.Length == 0 ? null : s;
    }

    public static int LineOf(string text, int offset)
    {
        var line = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
