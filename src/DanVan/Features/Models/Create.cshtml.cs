using DanVan.Domain.Access;
using DanVan.Domain.Models;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Models;

/// <summary>Đăng ký mô hình: the unit fills the registration form it used to send in Word.</summary>
public class CreateModel(CurrentUser currentUser, ModelCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ModelForm Input { get; set; } = new();

    public IReadOnlyList<ModelField> Fields { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ModelAccessRules.CanRegister(scope, scope.UnitId))
        {
            return this.ForbidRole(scope, "đăng ký mô hình “Dân vận khéo”", "cán bộ và lãnh đạo của đơn vị đăng ký");
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ModelAccessRules.CanRegister(scope, scope.UnitId))
        {
            return this.ForbidRole(scope, "đăng ký mô hình “Dân vận khéo”", "cán bộ và lãnh đạo của đơn vị đăng ký");
        }

        await LoadAsync(scope, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await commands.RegisterAsync(scope, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã gửi đăng ký mô hình «{result.Value!.Name}». Cơ quan nhận đăng ký sẽ duyệt hoặc trả lại để hoàn thiện.";
        return Redirect($"/Models/Details/{result.Value.Id}");
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Fields = await commands.FieldsInForceAsync(VietnamClock.Today(clock), ct);
        Bodies = await commands.BodiesForAsync(scope, ct);
    }
}
