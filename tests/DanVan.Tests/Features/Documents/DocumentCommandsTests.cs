using DanVan.Domain.Documents;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using DanVan.Testing;

namespace DanVan.Tests.Features.Documents;

public class DocumentCommandsTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private static readonly IConfiguration Config = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:MaxFileBytes"] = "100000" }).Build();

    private DocumentCommands Commands(out DanVan.Data.AppDbContext db, string actor)
    {
        db = fx.Context(actor);
        return new DocumentCommands(db, TimeProvider.System, Config);
    }

    private static RegisterDocumentCommand Plan(string code, DateOnly? date, string issuer = "Ủy ban nhân dân tỉnh Tây Ninh", UploadedFile? file = null, params CitationInput[] citations) =>
        new(null, code, issuer, null, "Tây Ninh", date, "Thực hiện công tác dân vận chính quyền năm 2026", "KT.", "Phó Chủ tịch", "Nguyễn Văn A",
            "- Sở Nội vụ;\n- UBND các xã, phường;\n- Lưu: VT.", citations, file);

    [Fact]
    public async Task Register_ParsesTheNumber_StoresTheFile_AndLinksCitationsBothWays()
    {
        var scope = await fx.ScopeOfAsync("dieuphoi");
        var n = UniqueNumber.Next();
        var commands = Commands(out var db, "dieuphoi");
        await using (db)
        {
            // The plan cites a directive not yet registered…
            var plan = await commands.RegisterAsync(scope, Plan($"{n}/KH-UBND", new DateOnly(2026, 3, 12), file: new UploadedFile("ke-hoach.docx", TestFiles.Docx("Kế hoạch")),
                citations: new CitationInput(CitationRelation.Implements, $"Chỉ thị số {n}/CT-UBND ngày 02/3/2026 của UBND tỉnh")));
            Assert.True(plan.IsOk, string.Join(" ", plan.Errors.SelectMany(e => e.Value)));
            Assert.Equal("Kế hoạch", plan.Value!.TypeName);
            Assert.Equal(n, plan.Value.Number);
            Assert.Equal("UBND", plan.Value.IssuerSymbol);

            // …which is registered afterwards: the plan's citation now points to it.
            var directive = await commands.RegisterAsync(scope, Plan($"{n}/CT-UBND", new DateOnly(2026, 3, 2)));
            Assert.True(directive.IsOk, string.Join(" ", directive.Errors.SelectMany(e => e.Value)));

            await using var check = fx.Context();
            var citation = await check.DocumentCitations.SingleAsync(c => c.DocumentId == plan.Value.Id);
            Assert.Equal($"{n}/CT-UBND", citation.CitedCode);
            Assert.Equal(directive.Value!.Id, citation.CitedDocumentId);
            var file = await check.DocumentFiles.SingleAsync(f => f.DocumentId == plan.Value.Id);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.ContentType);
            using var reopened = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(file.Content), false);
            Assert.Equal("Kế hoạch", reopened.MainDocumentPart!.Document.Body!.InnerText);
        }
    }

    [Fact]
    public async Task Register_APartyDocument_AndADraftWithoutNumber()
    {
        var scope = await fx.ScopeOfAsync("thamdinh");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var commands = Commands(out var db, "dieuphoi");
        await using (db)
        {
            Assert.Equal(ResultStatus.Forbidden, (await commands.RegisterAsync(scope, Plan("451-CV/HU", new DateOnly(2022, 2, 26)))).Status);
            var party = await commands.RegisterAsync(coordinator, Plan($"{UniqueNumber.Next()}-CV/TU", new DateOnly(2022, 2, 26), "Tỉnh ủy Tây Ninh"));
            Assert.True(party.IsOk);
            Assert.Equal(NumberingStyle.Party, party.Value!.Style);
            Assert.Equal("Công văn", party.Value.TypeName);
            var draft = await commands.RegisterAsync(coordinator, Plan("Số: /KH-SNV", null, "Sở Nội vụ tỉnh Tây Ninh"));
            Assert.True(draft.IsOk, string.Join(" ", draft.Errors.SelectMany(e => e.Value)));
            Assert.Null(draft.Value!.Number);
            Assert.Equal("/KH-SNV", draft.Value.Code);
        }
    }

    [Fact]
    public async Task Register_RefusesBadInput_AndSavesNothing()
    {
        var scope = await fx.ScopeOfAsync("dieuphoi");
        await using var before = fx.Context();
        var count = await before.Documents.CountAsync();
        var commands = Commands(out var db, "dieuphoi");
        await using (db)
        {
            var malformed = await commands.RegisterAsync(scope, Plan("KH-UBND/12", new DateOnly(2026, 1, 5)));
            Assert.Contains(malformed.Errors["Code"], m => m.Contains("không đúng dạng", StringComparison.Ordinal));

            var wrongYear = await commands.RegisterAsync(scope, Plan("07/2023/QĐ-UBND", new DateOnly(2024, 1, 5)));
            Assert.Contains(wrongYear.Errors["IssuedOn"], m => m.Contains("năm 2023", StringComparison.Ordinal));

            var noDate = await commands.RegisterAsync(scope, Plan("12/KH-UBND", null));
            Assert.Contains(noDate.Errors["IssuedOn"], m => m.Contains("cần có ngày ban hành", StringComparison.Ordinal));

            var notDocx = await commands.RegisterAsync(scope, Plan("13/KH-UBND", new DateOnly(2026, 1, 5), file: new UploadedFile("ke-hoach.docx", TestFiles.ZipOfSomethingElse())));
            Assert.Contains(notDocx.Errors["File"], m => m.Contains("Chỉ nhận tệp Word", StringComparison.Ordinal));

            var text = await commands.RegisterAsync(scope, Plan("14/KH-UBND", new DateOnly(2026, 1, 5), file: new UploadedFile("a.pdf", "xin chào"u8.ToArray())));
            Assert.Contains(text.Errors["File"], m => m.Contains("Chỉ nhận tệp Word", StringComparison.Ordinal));

            var big = await commands.RegisterAsync(scope, Plan("15/KH-UBND", new DateOnly(2026, 1, 5), file: new UploadedFile("a.pdf", [.. TestFiles.Pdf(), .. new byte[200_000]])));
            Assert.Contains(big.Errors["File"], m => m.Contains("Tệp quá lớn", StringComparison.Ordinal));

            var badSigner = await commands.RegisterAsync(scope, Plan("16/KH-UBND", new DateOnly(2026, 1, 5)) with { SignerAuthority = "XY." });
            Assert.True(badSigner.Errors.ContainsKey("SignerAuthority"));
        }

        await using var after = fx.Context();
        Assert.Equal(count, await after.Documents.CountAsync());
    }

    [Fact]
    public async Task Register_TheSameDocumentTwice_IsRefused()
    {
        var scope = await fx.ScopeOfAsync("dieuphoi");
        var code = $"{UniqueNumber.Next()}/KH-UBND";
        var commands = Commands(out var db, "dieuphoi");
        await using (db)
        {
            Assert.True((await commands.RegisterAsync(scope, Plan(code, new DateOnly(2026, 5, 5), file: new UploadedFile("k.pdf", TestFiles.Pdf())))).IsOk);
            var twice = await commands.RegisterAsync(scope, Plan(code, new DateOnly(2026, 5, 5), issuer: "ỦY BAN NHÂN DÂN TỈNH TÂY NINH"));
            Assert.Contains(twice.Errors["Code"], m => m.Contains("đã được đăng ký", StringComparison.Ordinal));

            // The same number from another province's people's committee is another document.
            var other = await commands.RegisterAsync(scope, Plan(code, new DateOnly(2026, 5, 5), issuer: "Ủy ban nhân dân tỉnh Quảng Ngãi"));
            Assert.True(other.IsOk);
        }
    }
}
