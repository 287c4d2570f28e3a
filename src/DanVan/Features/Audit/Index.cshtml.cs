using DanVan.Data;
using DanVan.Domain.Audit;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Audit;

/// <summary>The audit trail, read-only, for system administrators (folder policy "Admin").</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "entity")]
    public string? EntityFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "entityId")]
    public string? EntityIdFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<AuditEntry> Entries { get; private set; } = null!;

    public List<string> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            var name = UserFilter.Trim();
            query = query.Where(a => a.UserName == name);
        }

        if (!string.IsNullOrWhiteSpace(EntityFilter))
        {
            query = query.Where(a => a.EntityType == EntityFilter);
        }

        if (!string.IsNullOrWhiteSpace(EntityIdFilter))
        {
            query = query.Where(a => a.EntityId == EntityIdFilter.Trim());
        }

        Entries = await query.OrderByDescending(a => a.Id).ToPagedListAsync(PageNumber, 50, ct);
        // The audited types come from the model, not from a DISTINCT over a table that grows without end.
        EntityTypes = db.Model.GetEntityTypes().Select(t => t.ClrType.Name)
            .Where(n => n is not (nameof(AuditEntry) or nameof(DataProtectionKeyRecord)) && !n.StartsWith("Dictionary", StringComparison.Ordinal))
            .Append("*").Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public string PageUrl(int page) =>
        $"/Audit?user={Uri.EscapeDataString(UserFilter ?? "")}&entity={Uri.EscapeDataString(EntityFilter ?? "")}&entityId={Uri.EscapeDataString(EntityIdFilter ?? "")}&page={page}";

    public static string When(DateTime utc) => VietnamClock.ToLocal(utc).ToString("dd/MM/yyyy HH:mm:ss", VietnameseText.Culture);

    public static string ActionLabel(string action) => action switch
    {
        "create" => "Thêm",
        "update" => "Sửa",
        "delete" => "Xóa",
        "bulk" => "Nhập hàng loạt",
        "login-failed" => "Đăng nhập không thành công",
        "read" => "Xem thông tin cá nhân",
        "reveal" => "Xem danh tính người tố cáo",
        _ => action,
    };
}
