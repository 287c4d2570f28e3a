namespace DanVan.Domain.Scoring;

/// <summary>
/// The frameworks and commendation titles every installation starts with (facts.md §5, §9). ReferenceData copies a
/// framework only when no version of its code exists, so a province's corrections survive upgrades. Where the
/// source gives only criteria and their maximum, the breakdown into sub-criteria is DanVan's proposal, said so in
/// the framework's note, for the Sở Nội vụ to align with the decision's annex.
/// </summary>
public static class ShippedFrameworks
{
    public sealed record CriterionSpec(
        string Code, string? Parent, string Name, CriterionKind Kind, double Max, ScoringMethod Method = ScoringMethod.Entered,
        string? Measure = null, string? Denominator = null, string? Steps = null, bool Evidence = false, bool NoneScoresFull = true, string? Guidance = null);

    public sealed record FrameworkSpec(ScoringFramework Framework, IReadOnlyList<CriterionSpec> Criteria);

    public const string TayNinhCode = "tay-ninh-1563";
    public const string NationalCode = "nd-335-2025";

    /// <summary>Units assessed: communes, wards, special zones, departments and public service units.</summary>
    public const string DefaultKinds = "3,4,5,12,14";

    public static IReadOnlyList<FrameworkSpec> All() => [TayNinh(), National()];

    public static FrameworkSpec TayNinh() => new(
        new ScoringFramework
        {
            Code = TayNinhCode, Version = 1, ProvinceCode = "80",
            Name = "Tiêu chí đánh giá, chấm điểm công tác dân vận chính quyền tỉnh Tây Ninh",
            LegalBasis = "Quyết định số 1563/QĐ-UBND ngày 01/8/2022 của UBND tỉnh Tây Ninh (thay thế Quyết định số 1743/QĐ-UBND ngày 02/8/2021)",
            ValidFrom = new DateOnly(2022, 8, 1), AppliesToKinds = DefaultKinds, BonusCap = 5, PenaltyCap = 10,
            Bands = "Hoàn thành xuất sắc=90;Hoàn thành tốt=70;Hoàn thành=50;Không hoàn thành=0",
            Note = "Sáu tiêu chí và điểm tối đa theo Quyết định 1563/QĐ-UBND (tiêu chí 6: tên đầy đủ và 20 điểm suy ra từ tổng 100 điểm, cần đối chiếu). "
                + "Các tiểu mục, bảng quy đổi, điểm thưởng, điểm trừ và ngưỡng xếp loại (tạm theo các mức của Nghị định 335/2025/NĐ-CP) là đề xuất của DanVan: Sở Nội vụ đối chiếu phụ lục của Quyết định và sửa trước khi mở kỳ đánh giá.",
        },
        [
            new("TC1", null, "Tổ chức triển khai, quán triệt, thực hiện chủ trương, nghị quyết, quy định, chỉ đạo của cấp trên về dân vận chính quyền", CriterionKind.Group, 10),
            new("TC1.1", "TC1", "Ban hành kế hoạch thực hiện công tác dân vận chính quyền năm", CriterionKind.Regular, 3, Evidence: true,
                Guidance: "Minh chứng: kế hoạch của đơn vị (số, ngày ban hành)."),
            new("TC1.2", "TC1", "Thực hiện nhiệm vụ được giao đúng hạn", CriterionKind.Regular, 4, ScoringMethod.Measured,
                "nhiem-vu-dung-han", "nhiem-vu-den-han", "95=1;80=0,5;0=0", Guidance: "Từ 95% đúng hạn: đủ điểm; từ 80%: một nửa số điểm."),
            new("TC1.3", "TC1", "Thực hiện chế độ thông tin, báo cáo đúng hạn", CriterionKind.Regular, 3, ScoringMethod.Measured,
                "bao-cao-dung-han", "bao-cao-den-han", "100=1;50=0,5;0=0"),
            new("TC2", null, "Tiếp công dân, giải quyết kiến nghị, đề nghị, khiếu nại, tố cáo; phòng, chống tham nhũng", CriterionKind.Group, 10),
            new("TC2.1", "TC2", "Giải quyết đơn thuộc thẩm quyền đúng hạn", CriterionKind.Regular, 5, ScoringMethod.Measured,
                "don-giai-quyet-dung-han", "don-da-giai-quyet", "90=1;70=0,5;0=0"),
            new("TC2.2", "TC2", "Người đứng đầu tiếp công dân định kỳ theo quy định", CriterionKind.Regular, 3, ScoringMethod.Measured,
                "tiep-cong-dan-dinh-ky", null, "10=1;5=0,5;0=0", Guidance: "Luật Tiếp công dân 2013: ít nhất 01 ngày mỗi tháng (cấp xã ít nhất 01 ngày mỗi tuần)."),
            new("TC2.3", "TC2", "Phòng, chống tham nhũng, tiêu cực", CriterionKind.Regular, 2, Evidence: true),
            new("TC3", null, "Quy chế phối hợp với Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội", CriterionKind.Group, 20),
            new("TC3.1", "TC3", "Ban hành và thực hiện quy chế phối hợp", CriterionKind.Regular, 10, Evidence: true),
            new("TC3.2", "TC3", "Góp ý dự thảo được lấy ý kiến đúng hạn", CriterionKind.Regular, 10, ScoringMethod.Measured,
                "gop-y-du-thao-dung-han", "gop-y-du-thao-duoc-lay", "100=1;80=0,5;0=0"),
            new("TC4", null, "Cải cách hành chính", CriterionKind.Group, 20),
            new("TC4.1", "TC4", "Kết quả thực hiện nhiệm vụ cải cách hành chính của đơn vị", CriterionKind.Regular, 15, Evidence: true),
            new("TC4.2", "TC4", "Thái độ, tác phong phục vụ người dân, doanh nghiệp", CriterionKind.Regular, 5),
            new("TC5", null, "Thực hiện quy chế dân chủ ở cơ sở", CriterionKind.Group, 20),
            new("TC5.1", "TC5", "Tổ chức đối thoại với Nhân dân (ít nhất 01 cuộc trong năm)", CriterionKind.Regular, 8, ScoringMethod.Measured,
                "doi-thoai-cuoc", null, "1=1;0=0"),
            new("TC5.2", "TC5", "Ý kiến tại đối thoại đã trả lời hoặc giải quyết", CriterionKind.Regular, 4, ScoringMethod.Measured,
                "doi-thoai-y-kien-da-giai-quyet", "doi-thoai-y-kien", "90=1;70=0,5;0=0", NoneScoresFull: false),
            new("TC5.3", "TC5", "Hội nghị cán bộ, công chức, viên chức; công khai theo quy định", CriterionKind.Regular, 8, Evidence: true),
            new("TC6", null, "Tình hình thực hiện phong trào thi đua “Dân vận khéo”", CriterionKind.Group, 20),
            new("TC6.1", "TC6", "Đăng ký mô hình “Dân vận khéo” trong năm", CriterionKind.Regular, 8, ScoringMethod.Measured, "mo-hinh-dang-ky", null, "1=1;0=0"),
            new("TC6.2", "TC6", "Mô hình “Dân vận khéo” được công nhận", CriterionKind.Regular, 6, ScoringMethod.Measured, "mo-hinh-cong-nhan", null, "1=1;0=0"),
            new("TC6.3", "TC6", "Tuyên truyền, biểu dương, nhân rộng gương điển hình", CriterionKind.Regular, 6),
            new("THUONG", null, "Điểm thưởng: sáng kiến, cách làm hay được cấp có thẩm quyền ghi nhận", CriterionKind.Bonus, 5, Evidence: true),
            new("TRU", null, "Điểm trừ: để xảy ra khiếu nại đông người, vượt cấp do chậm giải quyết", CriterionKind.Penalty, 10),
            new("KXL", null, "Tập thể lãnh đạo hoặc người đứng đầu bị kỷ luật từ khiển trách trở lên trong năm", CriterionKind.Disqualifier, 1,
                Guidance: "Đánh dấu nếu có: đơn vị không được xếp loại."),
        ]);

    public static FrameworkSpec National() => new(
        new ScoringFramework
        {
            Code = NationalCode, Version = 1, ProvinceCode = null,
            Name = "Thang điểm 100 theo Nghị định 335/2025/NĐ-CP (mẫu dùng chung)",
            LegalBasis = "Nghị định số 335/2025/NĐ-CP (hiệu lực từ 01/01/2026): tiêu chí chung 30 điểm, kết quả thực hiện nhiệm vụ 70 điểm; Hoàn thành xuất sắc từ 90, Hoàn thành tốt từ 70, Hoàn thành từ 50",
            ValidFrom = new DateOnly(2026, 1, 1), AppliesToKinds = DefaultKinds, BonusCap = 0, PenaltyCap = 0,
            Bands = "Hoàn thành xuất sắc=90;Hoàn thành tốt=70;Hoàn thành=50;Không hoàn thành=0",
            Note = "Mẫu: hai phần và các mức xếp loại theo Nghị định; các tiểu mục và số liệu tính điểm là đề xuất của DanVan.",
        },
        [
            new("A", null, "Tiêu chí chung", CriterionKind.Group, 30),
            new("A.1", "A", "Chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước", CriterionKind.Regular, 10),
            new("A.2", "A", "Kỷ luật, kỷ cương hành chính", CriterionKind.Regular, 8),
            new("A.3", "A", "Trách nhiệm của người đứng đầu", CriterionKind.Regular, 6),
            new("A.4", "A", "Môi trường làm việc, văn hóa công vụ", CriterionKind.Regular, 6),
            new("B", null, "Kết quả thực hiện nhiệm vụ", CriterionKind.Group, 70),
            new("B.1", "B", "Hoàn thành kế hoạch, nhiệm vụ được giao", CriterionKind.Regular, 30, ScoringMethod.Measured, "nhiem-vu-hoan-thanh", "nhiem-vu-den-han"),
            new("B.2", "B", "Tiến độ: nhiệm vụ hoàn thành đúng hạn", CriterionKind.Regular, 20, ScoringMethod.Measured, "nhiem-vu-dung-han", "nhiem-vu-den-han"),
            new("B.3", "B", "Chất lượng thực hiện nhiệm vụ", CriterionKind.Regular, 10, Evidence: true),
            new("B.4", "B", "Báo cáo đúng hạn", CriterionKind.Regular, 10, ScoringMethod.Measured, "bao-cao-dung-han", "bao-cao-den-han"),
            new("KXL", null, "Có cán bộ suy thoái tư tưởng, đạo đức, bị kỷ luật từ khiển trách trở lên hoặc tham nhũng trong năm", CriterionKind.Disqualifier, 1),
        ]);

    public static IReadOnlyList<CommendationTitle> Titles()
    {
        const string law = "Luật Thi đua, khen thưởng số 06/2022/QH15 (hiệu lực 01/01/2024)";
        const string quota = "; số lượng đề nghị tối đa mỗi năm là mặc định của DanVan, Sở Nội vụ điều chỉnh theo hướng dẫn hằng năm";
        var from = new DateOnly(2024, 1, 1);
        return
        [
            new() { Code = "bang-khen-ubnd-tinh", Form = "Bằng khen", Name = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", Level = "Cấp tỉnh", QuotaCollectives = 5, QuotaIndividuals = 3, LegalBasis = law + quota, ValidFrom = from },
            new() { Code = "bang-khen-thu-tuong", Form = "Bằng khen", Name = "Bằng khen của Thủ tướng Chính phủ", Level = "Cấp nhà nước", QuotaCollectives = 1, QuotaIndividuals = 1, LegalBasis = law + quota, ValidFrom = from },
            new() { Code = "giay-khen-so-noi-vu", Form = "Giấy khen", Name = "Giấy khen của Giám đốc Sở Nội vụ", Level = "Cấp sở", QuotaCollectives = 10, QuotaIndividuals = 10, LegalBasis = law + quota, ValidFrom = from },
        ];
    }
}
