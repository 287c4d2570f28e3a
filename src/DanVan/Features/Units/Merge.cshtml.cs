using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Infrastructure;

namespace DanVan.Features.Units;

public sealed class MergeInput : UnitChangeInput
{
    [Display(Name = "Đơn vị nhận sáp nhập")]
    public int? TargetId { get; set; }
}

public class MergeModel(AppDbContext db, CurrentUser currentUser, UnitCommands commands)
    : UnitChangePage<MergeInput>(db, currentUser, UnitOperation.Merge)
{
    protected override bool DateRequired => true;

    protected override Task<Result<OrgUnit>> RunAsync(DateOnly? effectiveDate, CancellationToken ct) =>
        commands.MergeAsync(Scope, new MergeUnitsCommand([Id], Input.TargetId, effectiveDate, Input.LegalBasis), ct);

    protected override string SuccessMessage(OrgUnit result) => $"Đã sáp nhập “{Unit.Name}” vào “{result.Name}”.";

    protected override int RedirectTo(OrgUnit result) => result.Id;
}
