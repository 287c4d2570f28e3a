using DanVan.Domain.Access;
using DanVan.Domain.Import;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Import;

/// <summary>
/// Import a plan, directive or letter: upload a Word/PDF/text file or paste the text, review what the parser found
/// beside the source, correct it, and confirm to create the document, its plan and its tasks in one step.
/// Nothing is saved before the confirmation.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = AcceptedBodyBytes, ValueLengthLimit = (int)(MaxOriginalBytes * 4 / 3 + 1024))]
[RequestSizeLimit(AcceptedBodyBytes)]
public class IndexModel(CurrentUser currentUser, UnitMatcher matcher, DocumentImport import, DocumentTextReader reader, TimeProvider clock) : PageModel
{
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>Word and PDF files up to this size travel with the review (base64) and are kept as the document's original.</summary>
    public const long MaxOriginalBytes = 10 * 1024 * 1024;

    /// <summary>Bodies up to this size are read so that an oversized file gets a message rather than a bare 413.</summary>
    private const long AcceptedBodyBytes = 100L * 1024 * 1024;

    [BindProperty]
    public ImportForm Form { get; set; } = new();

    [BindProperty]
    public string? Pasted { get; set; }

    /// <summary>False on the first step (upload or paste), true on the review step.</summary>
    public bool Reviewing { get; private set; }

    public bool CanAssign { get; private set; }

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public List<List<UnitSuggestion>> Suggestions { get; } = [];

    /// <summary>Where the document comes from, and the warning when its tasks are not the user's province's to give.</summary>
    public ImportOrigin Origin { get; private set; } = ImportOrigin.Unknown;

    /// <summary>The day the tasks' deadlines count from, shown above them.</summary>
    public DateOnly CountsFrom => DocumentImport.CountsFrom(Form.IssuedOn, VietnamClock.Today(clock));

    public bool IssueDateKnown => DocumentImport.CountsFrom(Form.IssuedOn, DateOnly.MinValue) != DateOnly.MinValue;

    public string[] SourceLines => (Form.SourceText ?? "").Split('\n'); // an empty field binds as null

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await AuthorizeAsync(ct) is { } denied ? denied : Page();

    public async Task<IActionResult> OnPostParseAsync(IFormFile? upload, CancellationToken ct)
    {
        if (await AuthorizeAsync(ct) is { } denied)
        {
            return denied;
        }

        string text;
        string? fileName = null, original = null;
        try
        {
            if (upload is { Length: > 0 })
            {
                if (upload.Length > MaxUploadBytes)
                {
                    throw new UnreadableDocumentException($"Tệp lớn hơn {MaxUploadBytes / 1024 / 1024} MB, không nhập được.");
                }

                fileName = Path.GetFileName(upload.FileName);
                using var buffer = new MemoryStream();
                await using (var stream = upload.OpenReadStream())
                {
                    await stream.CopyToAsync(buffer, ct);
                }

                buffer.Position = 0;
                text = await reader.ReadAsync(buffer, fileName, ct);
                var extension = Path.GetExtension(fileName).ToLowerInvariant();
                if (extension is ".docx" or ".pdf" && buffer.Length <= MaxOriginalBytes)
                {
                    original = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
                }
            }
            else if (!string.IsNullOrWhiteSpace(Pasted))
            {
                text = DocumentTextReader.NormaliseText(Pasted);
            }
            else
            {
                ModelState.AddModelError("", "Chọn tệp văn bản (Word, PDF, văn bản thuần) hoặc dán nội dung văn bản.");
                return Page();
            }

            var parsed = DocumentParser.Parse(text);
            var scope = (await currentUser.GetScopeAsync(ct))!;
            Origin = await matcher.OriginAsync(scope, parsed.Place, parsed.ParentBody, parsed.Issuer, ct);
            Units = await matcher.CandidatesAsync(scope, ct, Origin);
            Form = DocumentImport.Propose(parsed, Units, VietnamClock.Today(clock), fileName, Origin.Preselect);
            Form.OriginalContent = original;
        }
        catch (UnreadableDocumentException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }

        ModelState.Clear();
        Reviewing = true;
        FillSuggestions();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await AuthorizeAsync(ct) is { } denied)
        {
            return denied;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        await ReviewAgainAsync(scope, ct);
        var issuedOn = PageResults.ParseDate(ModelState, "Form.IssuedOn", Form.IssuedOn, "ngày ban hành");
        var dueDates = new List<DateOnly?>();
        for (var i = 0; i < Form.Tasks.Count; i++)
        {
            dueDates.Add(Form.Tasks[i].Include
                ? PageResults.ParseDate(ModelState, $"Form.Tasks[{i}].DueOn", Form.Tasks[i].DueOn, "hạn hoàn thành", required: true)
                : null);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await import.ConfirmAsync(scope, Form, issuedOn, dueDates, ct);
        if (this.Failure(result, prefix: "Form") is { } failure)
        {
            return failure;
        }

        var outcome = result.Value!;
        TempData["Message"] = $"Đã nhập văn bản {Form.Code}" + (outcome.PlanId is null ? "" : ", kế hoạch") + $" và {outcome.TaskCount} nhiệm vụ.";
        return Redirect(outcome.PlanId is { } planId ? $"/Plans/Details/{planId}" : $"/Documents/Details/{outcome.DocumentId}");
    }

    /// <summary>
    /// "Giao theo gợi ý": after the warning that the document is another province's, the reader takes the best
    /// suggestion of their own province for every task still without a lead unit. Nothing is saved.
    /// </summary>
    public async Task<IActionResult> OnPostUseSuggestionsAsync(CancellationToken ct)
    {
        if (await AuthorizeAsync(ct) is { } denied)
        {
            return denied;
        }

        await ReviewAgainAsync((await currentUser.GetScopeAsync(ct))!, ct);
        ModelState.Clear();
        for (var i = 0; i < Form.Tasks.Count; i++)
        {
            var row = Form.Tasks[i];
            if (row.LeadUnitId is null && Suggestions[i].FirstOrDefault(s => s.Score >= UnitMatcher.ConfidentScore) is { } best)
            {
                row.LeadUnitId = best.Id;
                row.Include = !string.IsNullOrWhiteSpace(row.DueOn);
            }
        }

        return Page();
    }

    private async Task ReviewAgainAsync(UserScope scope, CancellationToken ct)
    {
        Reviewing = true;
        Origin = await matcher.OriginAsync(scope, Form.Place, Form.ParentBody, Form.Issuer, ct);
        Units = await matcher.CandidatesAsync(scope, ct, Origin);
        FillSuggestions();
    }

    private async Task<IActionResult?> AuthorizeAsync(CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        if (scope is null || !DocumentAccessRules.CanWrite(scope, scope.UnitAncestorPath, scope.UnitId))
        {
            return scope is null ? Forbid() : this.ForbidRole(scope, "nhập văn bản", "cán bộ, lãnh đạo đơn vị và cơ quan điều phối");
        }

        CanAssign = scope.IsAdmin || scope.Role is Roles.Coordinator or Roles.UnitHead;
        return null;
    }

    private void FillSuggestions()
    {
        foreach (var row in Form.Tasks)
        {
            Suggestions.Add(UnitMatcher.Suggest(row.Assignee, Units, Form.Place));
        }
    }

    /// <summary>The line of the source a field came from, for its "nguồn" link; null when unknown.</summary>
    public int? LineOf(string field) => Form.Lines.TryGetValue(field, out var line) ? line : null;
}

/// <summary>A field label with a link to the source line it was read from.</summary>
public sealed record SourceLabel(string For, string Text, int? Line);
