using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>A consultation as lists show it (never its file).</summary>
public sealed record PeopleConsultationRow(int Id, int UnitId, string UnitName, string MatterCode, string Subject, string Community, ConsultationForms Forms,
    DateOnly OpensOn, DateOnly ClosesOn, int OpinionsReceived, int OpinionsAgreed, int OpinionsOther, DateOnly? DecidedOn, string? FileName);

public static class PeopleConsultationQueries
{
    /// <summary>The sorts a list offers: by closing date (default, newest first), opening date, opinions received, subject.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Sorts =
    [
        ("closes", "Ngày kết thúc (mới nhất trước)"), ("opens", "Ngày bắt đầu (mới nhất trước)"), ("opinions", "Số ý kiến (nhiều nhất trước)"), ("subject", "Nội dung (A–Z)"),
    ];

    /// <summary>The consultations of units in the user's scope, the scope's unit ids read first (ADR-007).</summary>
    public static async Task<IQueryable<PeopleConsultation>> VisibleToAsync(this IQueryable<PeopleConsultation> rows, AppDbContext db, UserScope user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return rows;
        }

        var units = await db.OrgUnits.InScope(user).Select(o => o.Id).ToListAsync(ct);
        return rows.Where(c => EF.Parameter(units).Contains(c.UnitId));
    }

    /// <summary>Search (diacritic-insensitive), the year the consultation closed (an impossible year is ignored) and the kind of matter.</summary>
    public static IQueryable<PeopleConsultation> Matching(this IQueryable<PeopleConsultation> query, string? q, int? year, string? matter)
    {
        if (PeopleConsultationRules.IsYear(year))
        {
            var (from, to) = (new DateOnly(year!.Value, 1, 1), new DateOnly(year.Value, 12, 31));
            query = query.Where(c => c.ClosesOn >= from && c.ClosesOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(matter))
        {
            var code = matter.Trim();
            code = code.Length <= 40 && !code.Any(char.IsControl) ? code : "?"; // no kind has such a code: nothing matches
            query = query.Where(c => c.MatterCode == code);
        }

        var folded = VietnameseText.Fold(q);
        return folded.Length > 0 ? query.Where(c => c.SearchText.Contains(folded)) : query;
    }

    public static IQueryable<PeopleConsultation> Sorted(this IQueryable<PeopleConsultation> query, string? sort) => sort switch
    {
        "opens" => query.OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id),
        "opinions" => query.OrderByDescending(c => c.OpinionsReceived).ThenByDescending(c => c.Id),
        "subject" => query.OrderBy(c => c.Subject).ThenBy(c => c.Id),
        _ => query.OrderByDescending(c => c.ClosesOn).ThenByDescending(c => c.Id),
    };

    public static IQueryable<PeopleConsultationRow> ToRows(this IQueryable<PeopleConsultation> query, AppDbContext db) =>
        query.Select(c => new PeopleConsultationRow(c.Id, c.UnitId, db.OrgUnits.Where(o => o.Id == c.UnitId).Select(o => o.Name).First(), c.MatterCode, c.Subject,
            c.Community, c.Forms, c.OpensOn, c.ClosesOn, c.OpinionsReceived, c.OpinionsAgreed, c.OpinionsOther, c.DecidedOn, c.FileName));
}
