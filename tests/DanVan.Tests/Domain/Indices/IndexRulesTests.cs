using DanVan.Domain.Access;
using DanVan.Domain.Indices;

namespace DanVan.Tests.Domain.Indices;

/// <summary>Index values as tables: the scale, component points, the year, the level, sum and average of components, parsing, the shipped data, and who may write.</summary>
public class IndexRulesTests
{
    private const int ThisYear = 2026;

    private static readonly (IReadOnlyList<IndexDefinition> Indices, IReadOnlyList<IndexComponent> Components) Shipped = IndexRules.Shipped();

    private static IndexDefinition Index(string code) => Shipped.Indices.Single(i => i.Code == code);

    private static List<IndexComponent> Parts(string code) => Shipped.Components.Where(c => c.IndexCode == code).ToList();

    private static Dictionary<string, double?> C(params (string Code, double Value)[] parts) => parts.ToDictionary(p => p.Code, p => (double?)p.Value, StringComparer.Ordinal);

    public static TheoryData<string, int?, double?, string, bool, string?, string?> Cases => new()
    {
        // index, year, value, components "CODE=v;…", province?, → field in error (null: valid), message fragment
        { "SIPAS", 2025, 85.2, "", false, null, null },
        { "SIPAS", 2025, 100, "", false, null, null },
        { "SIPAS", 2025, 0, "", false, null, null },
        { "SIPAS", 2025, 100.01, "", false, "Value", "Giá trị 100,01 nằm ngoài thang đo của chỉ số SIPAS (từ 0 đến 100 %)." },
        { "SIPAS", 2025, -1, "", false, "Value", "nằm ngoài thang đo" },
        { "SIPAS", 2025, 120, "", false, "Value", "Giá trị 120 nằm ngoài thang đo" },
        { "SIPAS", null, 85, "", false, "Year", "Vui lòng nhập năm" },
        { "SIPAS", 2011, 85, "", false, "Year", "chỉ số SIPAS chỉ có kết quả từ năm 2012" },
        { "SIPAS", 2027, 85, "", false, "Year", "Năm 2027 chưa đến" },
        { "SIPAS", ThisYear, 85, "", false, null, null },                                                   // this year's self-assessment
        { "QD766", 2021, 80, "", false, "Year", "từ năm 2022" },
        { "PCI", 2024, 68.2, "", false, "UnitId", "Chỉ số PCI chỉ có kết quả cấp tỉnh" },                 // a commune has no PCI
        { "PCI", 2024, 68.2, "", true, null, null },
        { "PAPI", 2024, 81, "", true, "Value", "(từ 0 đến 80 điểm)" },
        { "DTI", 2024, 0.6543, "", true, null, null },
        { "DTI", 2024, 1.2, "", true, "Value", "nằm ngoài thang đo của chỉ số DTI" },
        { "QD766", 2025, null, "CONG_KHAI=15;TIEN_DO=17;SO_HOA=19;TRUC_TUYEN=19;HAI_LONG=15", false, null, null },      // 85 from the groups
        { "QD766", 2025, null, "CONG_KHAI=19;TIEN_DO=17", false, "Components[CONG_KHAI]", "Thành phần «Công khai, minh bạch»: 19 nằm ngoài khoảng cho phép (từ 0 đến 18 điểm)." },
        { "QD766", 2025, 90, "CONG_KHAI=15;TIEN_DO=17;SO_HOA=19;TRUC_TUYEN=19;HAI_LONG=15", false, "Value", "khác tổng các thành phần (85)" },
        { "QD766", 2025, 85.04, "CONG_KHAI=15;TIEN_DO=17;SO_HOA=19;TRUC_TUYEN=19;HAI_LONG=15", false, null, null },     // rounding within 0,01 a group
        { "QD766", 2025, null, "CONG_KHAI=15", false, "Value", "hoặc đủ 5 thành phần để tính" },
        { "SIPAS", 2025, null, "TIEP_CAN=85,2;TTHC=84,7;CONG_CHUC=87,1;KET_QUA=86;GOP_Y=85", false, null, null },      // average 85,6
        { "SIPAS", 2025, 85.6, "TIEP_CAN=85,2;TTHC=84,7;CONG_CHUC=87,1;KET_QUA=86;GOP_Y=85", false, null, null },
        { "SIPAS", 2025, 80, "TIEP_CAN=85,2;TTHC=84,7;CONG_CHUC=87,1;KET_QUA=86;GOP_Y=85", false, "Value", "khác bình quân các thành phần (85,6)" },
        { "SIPAS", 2025, 85, "KHAC=5", false, "Components", "không có thành phần «KHAC»" },
        { "PAR_INDEX", 2024, 88.3, "CHI_DAO=101", true, "Components[CHI_DAO]", "từ 0 đến 100 — thang đo của chỉ số" },     // points not confirmed: the scale
        { "PCI", 2024, null, "", true, "Value", "Vui lòng nhập giá trị chỉ số PCI." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_RefusesWhatIsOutsideTheIndex_WithAVietnameseMessageByField(string code, int? year, double? value, string components, bool province, string? field, string? message)
    {
        var parts = components.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')).ToDictionary(p => p[0], p => IndexRules.TryParse(p[1], out var v) ? (double?)v : null, StringComparer.Ordinal);
        var (errors, stored) = IndexRules.Check(Index(code), Parts(code), new IndexEntry(year, value, parts, IndexValueSource.Published, province), ThisYear);
        if (field is null)
        {
            Assert.Empty(errors);
            Assert.NotNull(stored);
        }
        else
        {
            Assert.Null(stored);
            Assert.True(errors.ContainsKey(field), string.Join(" | ", errors.Select(e => $"{e.Key}: {e.Value}")));
            Assert.Contains(message!, errors[field], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheIndex_IsComputedFromAllItsComponents_TheSumFor766_TheAverageForSIPAS()
    {
        var (_, sum) = IndexRules.Check(Index("QD766"), Parts("QD766"), new IndexEntry(2025, null, C(("CONG_KHAI", 15.2), ("TIEN_DO", 17.5), ("SO_HOA", 18.9), ("TRUC_TUYEN", 19.4), ("HAI_LONG", 14.8)), IndexValueSource.Published, true), ThisYear);
        Assert.Equal(85.8, sum!.Value, 6);
        var (_, average) = IndexRules.Check(Index("SIPAS"), Parts("SIPAS"), new IndexEntry(2025, null, C(("TIEP_CAN", 85.2), ("TTHC", 84.7), ("CONG_CHUC", 87.1), ("KET_QUA", 86), ("GOP_Y", 85)), IndexValueSource.Published, true), ThisYear);
        Assert.Equal(85.6, average!.Value, 6);
    }

    [Fact]
    public void ASourceMustBeChosen()
    {
        var (errors, _) = IndexRules.Check(Index("SIPAS"), Parts("SIPAS"), new IndexEntry(2025, 85, C(), null, false), ThisYear);
        Assert.Contains("Vui lòng chọn nguồn số liệu", errors["Source"], StringComparison.Ordinal);
        var (undefined, _) = IndexRules.Check(Index("SIPAS"), Parts("SIPAS"), new IndexEntry(2025, 85, C(), (IndexValueSource)9, false), ThisYear);
        Assert.True(undefined.ContainsKey("Source"));
    }

    [Theory]
    [InlineData("85,2", true, 85.2)]
    [InlineData("85.2", true, 85.2)]
    [InlineData(" 100 ", true, 100)]
    [InlineData("0,54321", true, 0.5432)]
    [InlineData("-3", true, -3)]
    [InlineData("85,2,1", false, 0)]
    [InlineData("1.000,5", false, 0)]
    [InlineData("tám mươi", false, 0)]
    [InlineData("1e3", false, 0)]
    [InlineData("", false, 0)]
    [InlineData(null, false, 0)]
    public void TryParse_ReadsADecimalCommaOrPoint_AndNothingElse(string? text, bool ok, double expected)
    {
        Assert.Equal(ok, IndexRules.TryParse(text, out var v));
        Assert.Equal(expected, v, 6);
    }

    [Fact]
    public void TheShippedIndices_AreTheSevenOfTheFacts_With766sFiveGroupsOf100Points_AndWhatIsUnconfirmedSaidInANote()
    {
        Assert.Equal(["SIPAS", "PAR_INDEX", "PAPI", "PCI", "DTI", "DDCI", "QD766"], Shipped.Indices.Select(i => i.Code));
        Assert.Equal([18d, 20, 22, 22, 18], Parts("QD766").Select(c => c.MaxPoints!.Value));
        Assert.Equal(["Công khai, minh bạch", "Tiến độ, kết quả giải quyết", "Số hóa hồ sơ", "Cung cấp dịch vụ trực tuyến", "Mức độ hài lòng"], Parts("QD766").Select(c => c.Name));
        Assert.Equal(5, Parts("SIPAS").Count);
        Assert.Equal(8, Parts("PAR_INDEX").Count);
        Assert.All(Parts("PAR_INDEX"), c => Assert.Null(c.MaxPoints)); // not confirmed: data to fill, not a guess
        Assert.All(Shipped.Indices.Where(i => i.Code is "SIPAS" or "PAR_INDEX" or "PAPI" or "PCI" or "DTI" or "DDCI"), i => Assert.StartsWith("Chưa xác nhận", i.Note, StringComparison.Ordinal));
        Assert.All(Shipped.Indices, i => Assert.True(i.Unit is "%" or "điểm"));
        Assert.Equal(new DateOnly(2023, 12, 11), Index("SIPAS").ValidFrom);
        Assert.Equal("chi-so-sipas", IndexRules.MeasureCode("SIPAS"));
        Assert.Equal("chi-so-par-index", IndexRules.MeasureCode("PAR_INDEX"));
        Assert.Equal("85,2 %", IndexRules.Format(85.2, "%"));
    }

    private static readonly UserScope Coordinator = UserScope.For("c", "dieuphoi", Roles.Coordinator, 5, "/1/2/");      // Sở Nội vụ under province 2
    private static readonly UserScope Officer = UserScope.For("o", "canbo", Roles.UnitOfficer, 9, "/1/2/");             // a ward of province 2
    private static readonly UserScope Head = UserScope.For("h", "lanhdao", Roles.UnitHead, 9, "/1/2/");
    private static readonly UserScope Reviewer = UserScope.For("r", "thamdinh", Roles.Reviewer, 6, "/1/2/");
    private static readonly UserScope Reader = UserScope.For("x", "xem", Roles.ReadOnly, 9, "/1/2/");
    private static readonly UserScope Admin = UserScope.For("a", "admin", Roles.Admin, 1, "/");

    public static TheoryData<string, string, int, IndexValueSource, IndexValueSource?, bool> Writes => new()
    {
        // who, unit path, unit id, source, source held → may write
        { "coordinator", "/1/", 2, IndexValueSource.Published, null, true },                 // the province
        { "coordinator", "/1/2/", 9, IndexValueSource.Survey, IndexValueSource.SelfAssessed, true },
        { "coordinator", "/1/", 3, IndexValueSource.Published, null, false },                // another province
        { "officer", "/1/2/", 9, IndexValueSource.SelfAssessed, null, true },                // its own self-assessment
        { "officer", "/1/2/", 9, IndexValueSource.SelfAssessed, IndexValueSource.SelfAssessed, true },
        { "officer", "/1/2/", 9, IndexValueSource.Published, null, false },                  // not a published value
        { "officer", "/1/2/", 9, IndexValueSource.SelfAssessed, IndexValueSource.Published, false }, // nor over one
        { "officer", "/1/2/", 10, IndexValueSource.SelfAssessed, null, false },              // nor for another unit
        { "officer", "/1/", 2, IndexValueSource.SelfAssessed, null, false },                 // nor for its province
        { "head", "/1/2/", 9, IndexValueSource.SelfAssessed, null, true },
        { "reviewer", "/1/2/", 9, IndexValueSource.SelfAssessed, null, false },
        { "reader", "/1/2/", 9, IndexValueSource.SelfAssessed, null, false },
        { "admin", "/1/", 3, IndexValueSource.Published, IndexValueSource.SelfAssessed, true },
    };

    private static UserScope Who(string who) => who switch
    {
        "coordinator" => Coordinator, "officer" => Officer, "head" => Head, "reviewer" => Reviewer, "reader" => Reader, _ => Admin,
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public void CanWrite_TheCoordinatorAnyUnitInScope_AUnitItsOwnSelfAssessmentOnly(string who, string path, int unit, IndexValueSource source, IndexValueSource? held, bool expected) =>
        Assert.Equal(expected, IndexAccessRules.CanWrite(Who(who), path, unit, source, held));

    [Theory]
    [InlineData("officer", "/1/", 2, true)]     // a ward reads its province's PCI
    [InlineData("officer", "/1/2/", 9, true)]   // and its own
    [InlineData("officer", "/1/2/", 10, false)] // not another ward's
    [InlineData("reader", "/1/", 2, true)]
    [InlineData("coordinator", "/1/2/", 10, true)]
    [InlineData("coordinator", "/1/", 3, false)]
    [InlineData("admin", "/1/", 3, true)]
    public void CanRead_ItsScope_AndTheUnitsAboveIt(string who, string path, int unit, bool expected) =>
        Assert.Equal(expected, IndexAccessRules.CanRead(Who(who), path, unit));
}
