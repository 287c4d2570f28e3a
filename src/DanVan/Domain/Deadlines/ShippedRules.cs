namespace DanVan.Domain.Deadlines;

/// <summary>
/// The time limits DanVan ships, from the law texts in ../shared/domain/facts.md §2 (verified 2026-12-01 against the
/// Bộ pháp điển). They are a starting point copied once into the database, where an administrator corrects them or
/// adds the amended version from its effective date (Luật 136/2025/QH15 amended the three laws from 1/7/2026; its
/// wording on time limits was not seen, so each rule here says so). Codes are stable: other tools call them.
/// </summary>
public static class ShippedRules
{
    public const string Complaint = "Khiếu nại";
    public const string Denunciation = "Tố cáo";
    public const string Reception = "Tiếp công dân";
    public const string Petition = "Xử lý đơn";
    public const string Dialogue = "Đối thoại";
    public const string Consultation = "Lấy ý kiến";

    private const string LuatKhieuNai = "Luật Khiếu nại 02/2011/QH13";
    private const string LuatToCao = "Luật Tố cáo 25/2018/QH14";
    private const string LuatTiepCongDan = "Luật Tiếp công dân 42/2013/QH13";
    private const string Amended =
        "Luật 136/2025/QH15 sửa đổi luật này từ 01/7/2026; chưa đối chiếu được quy định về thời hạn sau sửa đổi — nếu khác, thêm phiên bản mới có hiệu lực từ 01/7/2026.";

    private static readonly DateOnly KhieuNaiFrom = new(2012, 7, 1);
    private static readonly DateOnly ToCaoFrom = new(2019, 1, 1);
    private static readonly DateOnly TiepCongDanFrom = new(2014, 7, 1);

    public static IReadOnlyList<DeadlineRule> All() =>
    [
        Rule("khieu-nai-thoi-hieu", Complaint, "Thời hiệu khiếu nại", "kể từ ngày nhận được quyết định hành chính hoặc biết được hành vi hành chính",
            90, $"Điều 9 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Verified,
            "Thời gian ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa hoặc trở ngại khách quan khác không tính vào thời hiệu. " + Amended,
            extraDays: true),
        Rule("khieu-nai-lan-dau-thu-ly", Complaint, "Thời hạn thụ lý khiếu nại lần đầu", "kể từ ngày nhận được khiếu nại",
            10, $"Điều 27 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Disputed,
            "Luật ghi \"10 ngày\" (ngày lịch); thông tư cũ và thủ tục hành chính công bố ghi \"10 ngày làm việc\" — quản trị viên chọn cách đếm. " + Amended),
        Rule("khieu-nai-lan-dau-giai-quyet", Complaint, "Thời hạn giải quyết khiếu nại lần đầu", "kể từ ngày thụ lý",
            30, $"Điều 28 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Verified, Amended,
            variants:
            [
                V(DeadlineConditions.Complex, 45),
                V(DeadlineConditions.Remote, 45),
                V(DeadlineConditions.Remote | DeadlineConditions.Complex, 60),
            ]),
        Rule("khieu-nai-lan-hai-thoi-han", Complaint, "Thời hạn khiếu nại lần hai (hoặc khởi kiện)",
            "kể từ ngày hết thời hạn giải quyết lần đầu hoặc ngày nhận được quyết định giải quyết lần đầu",
            30, $"Điều 33 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Verified, Amended,
            variants: [V(DeadlineConditions.Remote, 45)]),
        Rule("khieu-nai-lan-hai-thu-ly", Complaint, "Thời hạn thụ lý khiếu nại lần hai", "kể từ ngày nhận được khiếu nại lần hai",
            10, $"Điều 36 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Disputed,
            "Như Điều 27: \"10 ngày\" trong luật, \"10 ngày làm việc\" trong thủ tục hành chính. " + Amended),
        Rule("khieu-nai-lan-hai-giai-quyet", Complaint, "Thời hạn giải quyết khiếu nại lần hai", "kể từ ngày thụ lý",
            45, $"Điều 37 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Verified, Amended,
            variants:
            [
                V(DeadlineConditions.Complex, 60),
                V(DeadlineConditions.Remote, 60),
                V(DeadlineConditions.Remote | DeadlineConditions.Complex, 70),
            ]),
        Rule("khieu-nai-gui-quyet-dinh-lan-hai", Complaint, "Thời hạn gửi quyết định giải quyết khiếu nại lần hai",
            "kể từ ngày ban hành quyết định", 7, $"Điều 41 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Verified,
            "Quy định công khai trong 15 ngày chỉ thấy ở Nghị định 75/2012 (đã thay thế). " + Amended),
        Rule("khieu-nai-ky-luat-thoi-hieu", Complaint, "Thời hiệu khiếu nại quyết định kỷ luật cán bộ, công chức",
            "kể từ ngày nhận được quyết định kỷ luật (lần hai: quyết định giải quyết lần đầu)",
            15, $"Điều 48 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Verified, Amended,
            variants:
            [
                V(DeadlineConditions.SecondInstance, 10),
                V(DeadlineConditions.SecondInstance | DeadlineConditions.Dismissal, 30),
            ]),
        Rule("khieu-nai-ky-luat-thu-ly", Complaint, "Thời hạn thụ lý khiếu nại quyết định kỷ luật", "kể từ ngày nhận được khiếu nại",
            10, $"Điều 50 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Verified, Amended),
        Rule("khieu-nai-ky-luat-giai-quyet", Complaint, "Thời hạn giải quyết khiếu nại quyết định kỷ luật", "kể từ ngày thụ lý",
            30, $"Điều 51 {LuatKhieuNai}", KhieuNaiFrom, RuleVerification.Verified, "Không có thời hạn riêng cho vùng sâu, vùng xa. " + Amended,
            variants: [V(DeadlineConditions.Complex, 45)]),
        Rule("to-cao-xu-ly-ban-dau", Denunciation, "Thời hạn xử lý ban đầu thông tin tố cáo", "kể từ ngày nhận được tố cáo",
            7, $"khoản 1 Điều 24 {LuatToCao}", ToCaoFrom, RuleVerification.Verified, Amended, DayCounting.Working,
            variants: [V(DeadlineConditions.SeveralPlaces, 10)]),
        Rule("to-cao-chuyen-don", Denunciation, "Thời hạn chuyển tố cáo không thuộc thẩm quyền", "kể từ ngày nhận được tố cáo",
            5, $"Điều 24 {LuatToCao}", ToCaoFrom, RuleVerification.Verified,
            "Một tố cáo có cùng nội dung chỉ được chuyển một lần (khoản 1 Điều 14 Thông tư 05/2021/TT-TTCP). " + Amended, DayCounting.Working),
        Rule("to-cao-thong-bao-thu-ly", Denunciation, "Thời hạn thông báo việc thụ lý tố cáo", "kể từ ngày ra quyết định thụ lý",
            5, $"Điều 29 {LuatToCao}", ToCaoFrom, RuleVerification.Verified, Amended, DayCounting.Working),
        Rule("to-cao-giai-quyet", Denunciation, "Thời hạn giải quyết tố cáo", "kể từ ngày thụ lý tố cáo",
            30, $"Điều 30 {LuatToCao}", ToCaoFrom, RuleVerification.Verified,
            "Vụ việc phức tạp gia hạn một lần, đặc biệt phức tạp hai lần, mỗi lần không quá 30 ngày, bằng quyết định (tiêu chí: Điều 3 Nghị định 31/2019/NĐ-CP). " + Amended,
            extensionDays: 30,
            variants:
            [
                V(DeadlineConditions.Complex, 30, maxExtensions: 1, basis: "khoản 1"),
                V(DeadlineConditions.EspeciallyComplex, 30, maxExtensions: 2, basis: "khoản 1"),
            ]),
        Rule("to-cao-gui-ket-luan", Denunciation, "Thời hạn gửi kết luận nội dung tố cáo", "kể từ ngày ban hành kết luận",
            5, $"khoản 3 Điều 35 {LuatToCao}", ToCaoFrom, RuleVerification.Verified, Amended, DayCounting.Working),
        Rule("to-cao-cong-khai-ket-luan", Denunciation, "Thời hạn công khai kết luận nội dung tố cáo", "kể từ ngày ban hành kết luận",
            7, $"Điều 40 {LuatToCao}", ToCaoFrom, RuleVerification.Verified,
            "Không công khai thông tin về người tố cáo. " + Amended, DayCounting.Working),
        Rule("to-cao-tiep", Denunciation, "Thời hạn xem xét tố cáo tiếp", "kể từ ngày nhận được tố cáo tiếp",
            20, $"khoản 2 Điều 37 {LuatToCao}", ToCaoFrom, RuleVerification.Verified, Amended),
        Rule("tiep-cong-dan-tra-loi", Reception, "Thời hạn trả lời việc tiếp nhận, thụ lý tại nơi tiếp công dân",
            "kể từ ngày nhận được khiếu nại, tố cáo, kiến nghị, phản ánh tại nơi tiếp công dân",
            10, $"Điều 28 {LuatTiepCongDan}", TiepCongDanFrom, RuleVerification.Verified, Amended, DayCounting.Working),
        Rule("xu-ly-don", Petition, "Thời hạn xử lý đơn", "kể từ ngày nhận được đơn",
            10, "Thông tư 05/2021/TT-TTCP", new DateOnly(2021, 11, 15), RuleVerification.Unverified,
            "Chưa đối chiếu được điều khoản; cần quản trị viên kiểm tra.", DayCounting.Working),
        Rule("doi-thoai-thong-bao", Dialogue, "Thời hạn thông báo trước cuộc đối thoại của xã với Nhân dân", "trước ngày đối thoại",
            7, "Điều 43 Luật Tổ chức chính quyền địa phương 72/2025/QH15", new DateOnly(2025, 6, 16), RuleVerification.Disputed,
            "Chỉ đối chiếu được bản dịch của điều luật.", direction: DeadlineDirection.Before),
        Rule("doi-thoai-cong-bo-ket-qua", Dialogue, "Thời hạn công bố kết quả đối thoại", "kể từ ngày đối thoại",
            10, "Điều 43 Luật Tổ chức chính quyền địa phương 72/2025/QH15", new DateOnly(2025, 6, 16), RuleVerification.Disputed,
            "Chỉ đối chiếu được bản dịch của điều luật."),
        Rule("gop-y-du-thao", Consultation, "Thời gian tối thiểu lấy ý kiến Nhân dân cấp xã về dự thảo", "kể từ ngày công bố dự thảo",
            20, "khoản 2 Điều 28 Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15", new DateOnly(2023, 7, 1), RuleVerification.Verified,
            "Hạn tính ra là ngày sớm nhất được kết thúc lấy ý kiến."),
    ];

    private static DeadlineRule Rule(
        string code,
        string procedure,
        string name,
        string countsFrom,
        int days,
        string basis,
        DateOnly validFrom,
        RuleVerification verification,
        string? note,
        DayCounting counting = DayCounting.Calendar,
        DeadlineDirection direction = DeadlineDirection.After,
        bool extraDays = false,
        int? extensionDays = null,
        List<DeadlineRuleVariant>? variants = null) => new()
        {
            Code = code,
            Procedure = procedure,
            Name = name,
            CountsFrom = countsFrom,
            Days = days,
            Basis = basis,
            ValidFrom = validFrom,
            Verification = verification,
            Note = note,
            Counting = counting,
            Direction = direction,
            AllowsExtraDays = extraDays,
            ExtensionDays = extensionDays,
            Variants = variants ?? [],
        };

    private static DeadlineRuleVariant V(DeadlineConditions conditions, int days, int? maxExtensions = null, string? basis = null) =>
        new() { Conditions = conditions, Days = days, MaxExtensions = maxExtensions, Basis = basis };
}
