using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain.Units;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Plans;

[Collection("App")]
public class PlanCascadeTests(AppFixture app)
{
    [Fact]
    public async Task AProvincePlan_ObligesEveryWard_AWardAdoptsIt_AndTheCoordinatorSeesAdoption()
    {
        var coordinator = await app.As("dieuphoi");
        var n = UniqueNumber.Text();
        using var registered = await coordinator.PostAsJsonAsync("/api/documents", new
        {
            ownerUnitId = await app.UnitIdAsync("80"), code = $"{n}/KH-UBND", issuerName = "Ủy ban nhân dân tỉnh Tây Ninh", place = "Tây Ninh",
            issuedOn = "2026-02-02", title = "Thực hiện Quy chế dân chủ ở cơ sở năm 2026 " + n,
        });
        var documentId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var planned = await DanVanAppFactory.PostFormAsync(coordinator, $"/Plans/Create?documentId={documentId}", new Dictionary<string, string>
        {
            ["DocumentId"] = documentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Purposes"] = "Phát huy quyền làm chủ của Nhân dân.",
            ["Targets"] = "Mức độ hài lòng của người dân đạt trên 90%\n100% xã, phường tổ chức hội nghị đối thoại",
            ["RequiresAdoption"] = "true",
            ["AdoptionDueOn"] = "01/03/2026",
            ["AdoptionKinds"] = "Ward",
        });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var parentUrl = planned.Headers.Location!.ToString();

        var officer = await app.As("canbo"); // Phường Tân Ninh
        var toAdopt = await officer.GetStringAsync("/Plans/ToAdopt");
        Assert.Contains($"{n}/KH-UBND", toAdopt, StringComparison.Ordinal);
        var parentId = parentUrl.Split('/').Last();
        var form = await officer.GetStringAsync($"/Plans/Adopt?parentId={parentId}");
        Assert.Contains("Phát huy quyền làm chủ của Nhân dân.", form, StringComparison.Ordinal);
        Assert.Contains($"Thực hiện Kế hoạch số {n}/KH-UBND", form, StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var planId = int.Parse(parentId, System.Globalization.CultureInfo.InvariantCulture);
        var targets = await db.PlanTargets.Where(t => t.PlanId == planId).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var fields = new Dictionary<string, string>
        {
            ["ParentId"] = parentId, ["Code"] = $"{n}/KH-UBND", ["IssuedOn"] = "20/02/2026", ["Title"] = "Thực hiện kế hoạch của tỉnh",
            ["Purposes"] = "Phát huy quyền làm chủ của Nhân dân trên địa bàn phường.",
            ["Drop"] = targets[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ExtraTargets"] = "100% khu phố có hương ước được công nhận",
        };
        using var missingReason = await DanVanAppFactory.PostFormAsync(officer, "/Plans/Adopt", fields, $"/Plans/Adopt?parentId={parentId}");
        Assert.Contains("cần nêu lý do", await missingReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields[$"DropReason[{targets[1]}]"] = "Phường đã tổ chức đối thoại trong năm 2025";
        using var adopted = await DanVanAppFactory.PostFormAsync(officer, "/Plans/Adopt", fields, $"/Plans/Adopt?parentId={parentId}");
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        var child = await officer.GetStringAsync(adopted.Headers.Location!.ToString());
        Assert.Contains($"Thực hiện <a href=\"/Plans/Details/{parentId}\">Kế hoạch số {n}/KH-UBND</a>", child, StringComparison.Ordinal);
        Assert.Contains("Bỏ: Phường đã tổ chức đối thoại trong năm 2025", child, StringComparison.Ordinal);
        Assert.Contains("bổ sung", child, StringComparison.Ordinal);

        // The ward's plan on paper: its committee heads it, under the province's plan it carries out.
        var childDocx = await officer.GetByteArrayAsync(adopted.Headers.Location + "?handler=Docx");
        Nd30Layout.AssertValid(childDocx);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(childDocx), false))
        {
            var lines = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG TÂN NINH", lines);
            Assert.DoesNotContain("PHƯỜNG TÂN NINH", lines);
            Assert.Contains(lines, l => l.StartsWith($"Thực hiện Kế hoạch số {n}/KH-UBND ngày 02/02/2026 của Ủy ban nhân dân tỉnh Tây Ninh về thực hiện Quy chế dân chủ", StringComparison.Ordinal)
                && l.EndsWith("Ủy ban nhân dân phường Tân Ninh ban hành Kế hoạch thực hiện như sau:", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Tây Ninh, ngày 20 tháng 02 năm 2026", StringComparison.Ordinal));
        }

        using var twice = await DanVanAppFactory.PostFormAsync(officer, "/Plans/Adopt", fields, $"/Plans/Adopt?parentId={parentId}");
        Assert.Contains("Đơn vị đã xây dựng kế hoạch", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var province = await app.UnitIdAsync("80");
        var wards = await db.OrgUnits.CountAsync(u => u.ParentId == province && u.Kind == OrgUnitKind.Ward && u.ValidTo == null);
        var parentPage = await coordinator.GetStringAsync(parentUrl);
        Assert.Contains($"1/{wards} đơn vị đã xây dựng", parentPage, StringComparison.Ordinal);
        Assert.Contains("Đã xây dựng đúng hạn", parentPage, StringComparison.Ordinal);

        var bytes = await coordinator.GetByteArrayAsync(parentUrl + "?handler=AdoptionExport");
        var adoption = DanVan.Tests.Support.TestWorkbooks.First(bytes);
        Assert.Equal(wards, adoption.Data.Count);
        Assert.Contains(adoption.Data, r => r.Contains("Phường Tân Ninh") && r.Contains("Đã xây dựng đúng hạn"));

        // A department is not obliged by a plan for wards.
        var head = await app.As("lanhdao");
        Assert.DoesNotContain($"{n}/KH-UBND", await head.GetStringAsync("/Plans/ToAdopt"), StringComparison.Ordinal);
        fields["Code"] = $"{n}/KH-STP";
        using var refused = await DanVanAppFactory.PostFormAsync(head, "/Plans/Adopt", fields, $"/Plans/Adopt?parentId={parentId}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
