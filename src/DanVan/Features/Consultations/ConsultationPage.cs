using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Consultations;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Consultations;

/// <summary>What every page of one consultation loads: the row (after recording any silence now due, ADR-018), who may do what, the paragraphs.</summary>
public abstract class ConsultationPage(AppDbContext db, CurrentUser currentUser, ConsultationCommands commands, TimeProvider clock) : PageModel
{
    protected AppDbContext Db => db;

    protected ConsultationCommands Commands => commands;

    public Consultation Consultation { get; private set; } = null!;

    public UserScope Scope { get; private set; } = null!;

    public OrgUnit Unit { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool CanManage { get; private set; }

    public bool CanSeeAll { get; private set; }

    /// <summary>The user's own unit as a respondent, if it is one.</summary>
    public ConsultationRespondent? Mine { get; private set; }

    public List<DraftParagraph> Paragraphs { get; private set; } = [];

    public bool Open => Consultation.DueOn >= Today;

    protected async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return NotFound();
        }

        var reference = await commands.RefAsync(row, ct);
        if (!ConsultationAccessRules.CanRead(Scope, reference))
        {
            return NotFound();
        }

        Today = VietnamClock.Today(clock);
        if (row.DueOn < Today)
        {
            await commands.ApplySilenceAsync(row.Id, ct); // lazily, so a read after the deadline never shows a unit as merely late
        }

        Consultation = row;
        Unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == row.UnitId, ct);
        CanManage = ConsultationAccessRules.CanManage(Scope, row.UnitId);
        CanSeeAll = ConsultationAccessRules.CanSeeAllAnswers(Scope, reference);
        Mine = await db.ConsultationRespondents.AsNoTracking().FirstOrDefaultAsync(r => r.ConsultationId == id && r.UnitId == Scope.UnitId, ct);
        Paragraphs = await db.DraftParagraphs.AsNoTracking().Where(p => p.ConsultationId == id).OrderBy(p => p.Number).ToListAsync(ct);
        return null;
    }

    /// <summary>The facts the letter and the synthesis are written from.</summary>
    protected async Task<ConsultationOutputs.Facts> FactsAsync(CancellationToken ct)
    {
        var ancestors = UnitPaths.Ancestors(Unit.AncestorPath).ToList();
        var provinceId = ancestors.Count > 1 ? ancestors[1] : Unit.Id;
        var province = await db.OrgUnits.AsNoTracking().Where(u => u.Id == provinceId).Select(u => u.Name).SingleAsync(ct);
        return new ConsultationOutputs.Facts(Consultation, Unit.Name, Unit.Kind, province, Today,
            await ConsultationQueries.RespondentsAsync(db, Consultation.Id, ct), await ConsultationQueries.CurrentCommentsAsync(db, Consultation.Id, null, ct));
    }
}
