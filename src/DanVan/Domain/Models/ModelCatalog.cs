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

    private static string CriteriaBasis(string whom) => $"Tiêu chuẩn mô hình “Dân vận khéo” {whom} (hướng dẫn của Thành ủy Đà Lạt, baolamdong.vn, 2017); "
        + "thang 20 điểm mỗi tiêu chí là mặc định, tỉnh điều chỉnh theo hướng dẫn của mình";

    /// <summary>
    /// The review criteria (facts.md §4.4): five standards for a collective model and five for an individual, 20 points
    /// each by default (the weights are not from a central source: configurable data).
    /// </summary>
    public static IReadOnlyList<ModelReviewCriterion> ReviewCriteria()
    {
        var collective = CriteriaBasis("tập thể");
        var individual = CriteriaBasis("cá nhân");
        ModelReviewCriterion C(string code, string name, ModelSubject subject, int order) => new()
        {
            Code = code, Name = name, Subject = subject, MaxPoints = 20, SortOrder = order, ValidFrom = MovementFrom,
            LegalBasis = subject == ModelSubject.Collective ? collective : individual,
        };
        return
        [
            C("TT1", "Sáng tạo, tiết kiệm thời gian, chi phí trong thực hiện nhiệm vụ chính trị", ModelSubject.Collective, 1),
            C("TT2", "Vận động được Nhân dân tự giác chấp hành chủ trương, chính sách, pháp luật", ModelSubject.Collective, 2),
            C("TT3", "Huy động được nhiều lực lượng cùng tham gia", ModelSubject.Collective, 3),
            C("TT4", "Hài hòa lợi ích tập thể, cá nhân và xã hội", ModelSubject.Collective, 4),
            C("TT5", "Bền vững, có khả năng duy trì và nhân rộng", ModelSubject.Collective, 5),
            C("CN1", "Gương mẫu của bản thân và gia đình", ModelSubject.Individual, 1),
            C("CN2", "Có ý tưởng, sáng kiến, tham mưu tốt trong công tác dân vận", ModelSubject.Individual, 2),
            C("CN3", "Đề xuất giải pháp giải quyết vướng mắc tồn đọng, kéo dài của Nhân dân", ModelSubject.Individual, 3),
            C("CN4", "Tận tụy phục vụ Nhân dân", ModelSubject.Individual, 4),
            C("CN5", "Hằng năm hoàn thành tốt nhiệm vụ, gia đình đạt danh hiệu “Gia đình văn hóa”", ModelSubject.Individual, 5),
        ];
    }

    /// <summary>Whether a dated row is in force on a day.</summary>
    public static bool InForce(DateOnly validFrom, DateOnly? validTo, DateOnly on) => validFrom <= on && (validTo is null || on <= validTo);
}
