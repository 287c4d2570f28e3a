using DanVan.Data;
using DanVan.Domain.Documents;
using DanVan.Features.Documents;
using DanVan.Features.Shared;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Documents;

/// <summary>VB from the document register: what a unit issued in the period, withdrawn ones left out, many units in one call, with the records behind it.</summary>
public sealed class DocumentMeasuresTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task VB_CountsTheDocumentsAUnitIssuedInThePeriod_NotWithdrawn_NotOthers()
    {
        var ward = await app.UnitIdAsync("25459");
        var department = await app.UnitIdAsync("80.STP");
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Document D(int? issuer, string code, DateOnly? on, bool withdrawn = false)
        {
            var d = new Document
            {
                OwnerUnitId = ward, IssuingUnitId = issuer, IssuerName = "UBND phường Tân Ninh", Code = code, Style = NumberingStyle.State, TypeName = "Kế hoạch",
                IssuerSymbol = "UBND", IssuedOn = on, Title = "Triển khai công tác dân vận chính quyền " + code, CreatedAtUtc = DateTime.UtcNow,
                WithdrawnAtUtc = withdrawn ? DateTime.UtcNow : null, WithdrawnBy = withdrawn ? "canbo" : null, WithdrawnReason = withdrawn ? "Ban hành nhầm" : null,
            };
            d.Index();
            return d;
        }

        // A period long past, so that the demo's own documents do not count.
        var (from, to) = (new DateOnly(2001, 1, 1), new DateOnly(2001, 6, 30));
        db.Documents.AddRange(
            D(ward, "11/KH-UBND", new DateOnly(2001, 1, 1)), D(ward, "12/KH-UBND", new DateOnly(2001, 6, 30)), D(ward, "13/KH-UBND", new DateOnly(2001, 3, 3), withdrawn: true),
            D(ward, "14/KH-UBND", new DateOnly(2001, 7, 1)), D(ward, "15/KH-UBND", null), D(null, "16/KH-UBND", new DateOnly(2001, 2, 2)),
            D(department, "17/KH-STP", new DateOnly(2001, 2, 2)));
        await db.SaveChangesAsync();

        var measures = scope.ServiceProvider.GetRequiredService<MeasureRegistry>();
        var values = await measures.ComputeAsync(DocumentMeasures.Issued, [ward, department, ward], from, to, default);
        Assert.Equal(2, values[ward].Value);
        Assert.Equal(1, values[department].Value);
        Assert.Equal("Theo dõi trên DanVan (sổ văn bản): 2 văn bản đơn vị ban hành (01/01/2001–30/06/2001).", values[ward].Provenance);

        var records = await measures.RecordsAsync(DocumentMeasures.Issued, ward, from, to, 10, default);
        Assert.Equal(["12/KH-UBND", "11/KH-UBND"], records.Select(r => r.Label.Split(':')[0]));
        Assert.All(records, r => Assert.StartsWith("/Documents/Details/", r.Link, StringComparison.Ordinal));
        Assert.Equal("Kế hoạch", records[0].State);
    }
}
