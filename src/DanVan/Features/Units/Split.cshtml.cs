using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Infrastructure;

namespace DanVan.Features.Units;

public sealed class SplitInput : UnitChangeInput
{
    [Display(Name = "Các đơn vị kế thừa")]
    public List<int> SuccessorIds { get; set; } = [];
}

public class SplitModel(AppDbContext db, CurrentUser currentUser, UnitCommands commands)
    : UnitChangePage<SplitInput>(db, currentUser, UnitOperation.Merge)
{
    protected override bool DateRequired => true;

    protected override Task<Result<OrgUnit>> RunAsync(DateOnly? effectiveDate, CancellationToken ct) =>
        commands.SplitAsync(Scope, new SplitUnitCommand(Id, Input.SuccessorIds, effectiveDate, Input.LegalBasis), ct);

    protected override string SuccessMessage(OrgUnit result) => $"Đã chia tách “{result.Name}”.";
}
