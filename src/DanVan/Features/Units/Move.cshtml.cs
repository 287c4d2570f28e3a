using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Infrastructure;

namespace DanVan.Features.Units;

public sealed class MoveInput : UnitChangeInput
{
    [Display(Name = "Đơn vị cấp trên mới")]
    public int? NewParentId { get; set; }
}

public class MoveModel(AppDbContext db, CurrentUser currentUser, UnitCommands commands)
    : UnitChangePage<MoveInput>(db, currentUser, UnitOperation.Move)
{
    protected override Task<Result<OrgUnit>> RunAsync(DateOnly? effectiveDate, CancellationToken ct) =>
        commands.MoveAsync(Scope, new MoveUnitCommand(Id, Input.NewParentId, effectiveDate, Input.LegalBasis), ct);

    protected override string SuccessMessage(OrgUnit result) => "Đã chuyển đơn vị sang đơn vị cấp trên mới.";
}
