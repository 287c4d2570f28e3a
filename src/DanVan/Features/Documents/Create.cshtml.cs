using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Documents;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

public class CreateModel(AppDbContext db, CurrentUser currentUser, DocumentCommands commands) : PageModel
{
    public class InputModel
    {
        [Display(Name = "Văn bản của (phạm vi)")]
        public int? OwnerUnitId { get; set; }

        [Display(Name = "Số, ký hiệu")]
        public string? Code { get; set; }

        [Display(Name = "Cơ quan ban hành")]
        public string? IssuerName { get; set; }

        [Display(Name = "Địa danh")]
        public string? Place { get; set; }

        [Display(Name = "Ngày ban hành")]
        public string? IssuedOn { get; set; }

        [Display(Name = "Trích yếu")]
        public string? Title { get; set; }

        [Display(Name = "Thẩm quyền ký")]
        public string? SignerAuthority { get; set; }

        [Display(Name = "Chức vụ người ký")]
        public string? SignerPosition { get; set; }

        [Display(Name = "Họ tên người ký")]
        public string? SignerName { get; set; }

        [Display(Name = "Nơi nhận (mỗi dòng một nơi)")]
        public string? Recipients { get; set; }

        [Display(Name = "Căn cứ (mỗi dòng một văn bản)")]
        public string? Basis { get; set; }

        [Display(Name = "Thực hiện (mỗi dòng một văn bản)")]
        public string? Implements { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Tệp gốc (DOCX hoặc PDF)")]
    public IFormFile? Upload { get; set; }

    public long MaxFileMegabytes => commands.MaxFileBytes / (1024 * 1024);

    /// <summary>The units the document can belong to: the user's own and those above it that they manage.</summary>
    public List<(int Id, string Name)> OwnerOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!Domain.Access.DocumentAccessRules.CanWrite(scope, scope.UnitAncestorPath, scope.UnitId))
        {
            return this.ForbidRole(scope, "vào sổ văn bản", "cán bộ, lãnh đạo đơn vị và cơ quan điều phối");
        }

        await LoadOwnersAsync(scope, ct);
        Input.OwnerUnitId = OwnerOptions.First().Id; // the widest reach: a coordinator's plan is the province's
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        await LoadOwnersAsync(scope, ct);
        var issuedOn = PageResults.ParseDate(ModelState, "Input.IssuedOn", Input.IssuedOn, "ngày ban hành");
        UploadedFile? upload = null;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > commands.MaxFileBytes)
            {
                ModelState.AddModelError("Upload", $"Tệp quá lớn: tối đa {MaxFileMegabytes} MB.");
            }
            else
            {
                upload = await UploadedFile.ReadAsync(Upload, ct);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var citations = Lines(Input.Basis).Select(l => new CitationInput(CitationRelation.Basis, l))
            .Concat(Lines(Input.Implements).Select(l => new CitationInput(CitationRelation.Implements, l)))
            .ToList();
        var result = await commands.RegisterAsync(scope, new RegisterDocumentCommand(
            Input.OwnerUnitId, Input.Code, Input.IssuerName, null, Input.Place, issuedOn, Input.Title,
            Input.SignerAuthority, Input.SignerPosition, Input.SignerName, Input.Recipients, citations, upload), ct);
        if (result.Errors.TryGetValue("File", out var fileErrors))
        {
            foreach (var e in fileErrors)
            {
                ModelState.AddModelError("Upload", e);
            }
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã đăng ký văn bản {result.Value!.Code}.";
        return Redirect($"/Documents/Details/{result.Value.Id}");
    }

    private async Task LoadOwnersAsync(Domain.Access.UserScope scope, CancellationToken ct)
    {
        var chain = Domain.Units.UnitPaths.Ancestors(scope.UnitAncestorPath).Append(scope.UnitId).ToArray();
        var units = await db.OrgUnits.AsNoTracking().Where(u => chain.Contains(u.Id)).OrderBy(u => u.Depth).ToListAsync(ct);
        OwnerOptions = units.Where(u => Domain.Access.DocumentAccessRules.CanWrite(scope, u.AncestorPath, u.Id))
            .Select(u => (u.Id, u.Name)).ToList();
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.TrimStart('-', '–', ' '));
}
