using DanVan.Domain.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Shared;

/// <summary>
/// A 403 that says why (issue 12: every 403 said "Dữ liệu thuộc phạm vi của đơn vị khác", also when the cause was the
/// role). The page keeps the reason in the request's items; the error page, re-executed for the same request, shows it.
/// </summary>
public static class ForbidReasons
{
    public const string ItemKey = "danvan:forbid-reason";

    /// <summary>Forbid with a reason the user can act on.</summary>
    public static IActionResult ForbidBecause(this PageModel page, string reason)
    {
        page.HttpContext.Items[ItemKey] = reason;
        return page.Forbid();
    }

    /// <summary>The role is the cause: "Vai trò «Chỉ xem» của tài khoản không được tiếp nhận đơn. …".</summary>
    public static IActionResult ForbidRole(this PageModel page, UserScope user, string action, string? who = null) =>
        page.ForbidBecause($"Vai trò «{Roles.Label(user.Role)}» của tài khoản không được {action}."
            + (who is null ? "" : $" Việc này dành cho {who}.") + " Nếu cần, đề nghị quản trị hệ thống của đơn vị điều chỉnh vai trò.");

    /// <summary>The unit is the cause: the record belongs outside the user's scope.</summary>
    public static IActionResult ForbidScope(this PageModel page, string? ownerName = null) =>
        page.ForbidBecause((ownerName is null ? "Nội dung này thuộc đơn vị ngoài phạm vi tài khoản của bạn." : $"Nội dung này thuộc {ownerName}, ngoài phạm vi tài khoản của bạn.")
            + " Tài khoản chỉ xem và thao tác được trên dữ liệu của đơn vị mình (cơ quan điều phối, thẩm định: của tỉnh mình).");
}
