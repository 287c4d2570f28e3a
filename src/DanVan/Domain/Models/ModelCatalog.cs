namespace DanVan.Domain.Models;

/// <summary>
/// The fields and recognition levels every installation starts with (facts.md §4.3, §4.5). ReferenceData copies a
/// code only when the database has none, so an administrator's corrections survive upgrades.
/// </summary>
public static class ModelCatalog
{
    private const string Guidance = "Chỉ thị 33/CT-TTg ngày 26/11/2021; hướng dẫn phong trào thi đua “Dân vận khéo” của Ban Dân vận Tỉnh ủy";
    private static readonly DateOnly MovementFrom = new(2021, 11, 26);

    public static IReadOnlyList<ModelField> Fields() =>
    [
        new() { Code = "KT", Name = "Kinh tế", SortOrder = 1, LegalBasis = Guidance, ValidFrom = MovementFrom,
            Description = "Hợp tác xã, tổ hợp tác, câu lạc bộ; chuyển đổi cây trồng, vật nuôi; ứng dụng khoa học, công nghệ; nâng cao thu nhập" },
        new() { Code = "VHXH", Name = "Văn hóa – xã hội", SortOrder = 2, LegalBasis = Guidance, ValidFrom = MovementFrom,
            Description = "Nông thôn mới, đô thị văn minh; giảm nghèo bền vững; an sinh xã hội; hiến đất làm đường; môi trường; từ thiện" },
        new() { Code = "QPAN", Name = "Quốc phòng – an ninh", SortOrder = 3, LegalBasis = Guidance, ValidFrom = MovementFrom,
            Description = "Tuyên truyền pháp luật, nắm tình hình dư luận; “Toàn dân bảo vệ an ninh Tổ quốc”; biên giới, chủ quyền" },
        new() { Code = "XDHTCT", Name = "Xây dựng hệ thống chính trị", SortOrder = 4, LegalBasis = Guidance, ValidFrom = MovementFrom,
            Description = "Xây dựng Đảng, chính quyền, Mặt trận; cải cách hành chính; tác phong, lề lối làm việc của cán bộ" },
    ];

    public static IReadOnlyList<RecognitionLevel> Levels() =>
    [
        new() { Code = "co-so", Name = "Cấp cơ sở", Rank = 1, LegalBasis = Guidance, ValidFrom = MovementFrom },
        new() { Code = "huyen", Name = "Cấp huyện", Rank = 2, LegalBasis = Guidance + " (cấp huyện kết thúc hoạt động từ 01/7/2025)", ValidFrom = MovementFrom, ValidTo = new DateOnly(2025, 6, 30) },
        new() { Code = "tinh", Name = "Cấp tỉnh", Rank = 3, LegalBasis = Guidance, ValidFrom = MovementFrom },
    ];

    /// <summary>Whether a dated row is in force on a day.</summary>
    public static bool InForce(DateOnly validFrom, DateOnly? validTo, DateOnly on) => validFrom <= on && (validTo is null || on <= validTo);
}
