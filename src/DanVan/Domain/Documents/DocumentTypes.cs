namespace DanVan.Domain.Documents;

/// <summary>A kind of document and its abbreviation in the symbol (Nghị định 30/2020 Phụ lục III; Party usage).</summary>
public class DocumentType
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public bool UsedByState { get; set; }

    public bool UsedByParty { get; set; }

    /// <summary>The starting table, seeded once and then kept as data an administrator may extend.</summary>
    public static IReadOnlyList<DocumentType> Defaults { get; } =
    [
        New("NQ", "Nghị quyết", true, true), New("QĐ", "Quyết định", true, true), New("CT", "Chỉ thị", true, true),
        New("QC", "Quy chế", true, true), New("QyĐ", "Quy định", true, false), New("QĐi", "Quy định", false, true),
        New("TC", "Thông cáo", true, false), New("TB", "Thông báo", true, true), New("HD", "Hướng dẫn", true, true),
        New("CTr", "Chương trình", true, true), New("KH", "Kế hoạch", true, true), New("PA", "Phương án", true, false),
        New("ĐA", "Đề án", true, true), New("DA", "Dự án", true, false), New("BC", "Báo cáo", true, true),
        New("BB", "Biên bản", true, true), New("TTr", "Tờ trình", true, true), New("HĐ", "Hợp đồng", true, false),
        New("CĐ", "Công điện", true, false), New("BGN", "Bản ghi nhớ", true, false), New("BTT", "Bản thỏa thuận", true, false),
        New("GUQ", "Giấy ủy quyền", true, false), New("GM", "Giấy mời", true, true), New("GGT", "Giấy giới thiệu", true, true),
        New("GNP", "Giấy nghỉ phép", true, false), New("PG", "Phiếu gửi", true, false), New("PC", "Phiếu chuyển", true, false),
        New("PB", "Phiếu báo", true, false), New("SY", "Bản sao y", true, false), New("TrS", "Bản trích sao", true, false),
        New("SL", "Bản sao lục", true, false), New("CV", "Công văn", false, true), New("KL", "Kết luận", false, true),
        New("TT", "Thông tri", false, true), New("NĐ", "Nghị định", true, false), New("TTg", "Quyết định của Thủ tướng", false, false),
    ];

    private static DocumentType New(string code, string name, bool state, bool party) =>
        new() { Code = code, Name = name, UsedByState = state, UsedByParty = party };
}
