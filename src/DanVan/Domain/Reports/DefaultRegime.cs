using DanVan.Domain.Calendar;
using DanVan.Domain.Units;

namespace DanVan.Domain.Reports;

/// <summary>
/// The starting regime: the six-monthly and yearly report on dân vận chính quyền and grassroots democracy. Its
/// outline follows the common đề cương (facts.md §6.2) and its figures facts.md §3.4, §3.6–3.7, §4, §6.3. Seeded
/// once as data; a province edits or adds regimes without code changes. Due dates 15/6 and 15/11 are local practice
/// (❓ in facts.md §6.1), so they are rows, not constants. Required (a report cannot be submitted without them): the
/// figures on citizens received, petitions received and dialogues held — statutory counts of Luật Tiếp công dân and Luật
/// Thực hiện dân chủ ở cơ sở, 0 when nothing happened — and the parts "Đặc điểm, tình hình" and "Đánh giá chung".
/// </summary>
public static class DefaultRegime
{
    public const string Code = "DVCQ";

    public static ReportRegime Regime() => new()
    {
        Code = Code,
        Name = "Báo cáo công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở",
        LegalBasis = "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước; "
            + "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; kế hoạch công tác dân vận chính quyền hằng năm của UBND tỉnh",
        Frequency = ReportFrequency.HalfYearly,
        ObligatedKinds = string.Join(',', new[]
        {
            OrgUnitKind.Department, OrgUnitKind.Inspectorate, OrgUnitKind.PublicServiceUnit, OrgUnitKind.Commune, OrgUnitKind.Ward,
            OrgUnitKind.SpecialZone,
        }),
    };

    public static IReadOnlyList<ReportDueRule> DueRules() =>
    [
        new() { Kind = ReportPeriodKind.FirstHalf, DueDay = 15, DueMonth = 6, CutoffDay = 14, CutoffMonth = 6 },
        new() { Kind = ReportPeriodKind.Year, DueDay = 15, DueMonth = 11, CutoffDay = 14, CutoffMonth = 11 },
    ];

    public static IReadOnlyList<ReportSection> Sections() => Numbered<ReportSection>(
    [
        S("I", "Đặc điểm, tình hình", "Tình hình chung của cơ quan, đơn vị, địa phương liên quan đến công tác dân vận trong kỳ.", required: true),
        S("II.1", "Lãnh đạo, chỉ đạo, quán triệt và ban hành văn bản", "Các văn bản đã ban hành, hội nghị quán triệt."),
        S("II.2", "Công tác tuyên truyền, vận động", "Số cuộc, số lượt người; hình thức tuyên truyền."),
        S("II.3", "Thực hiện dân chủ ở cơ sở", "Công khai; Nhân dân bàn và quyết định; tham gia ý kiến; kiểm tra, giám sát; hội nghị cán bộ, công chức, viên chức."),
        S("II.4", "Cải cách hành chính, đạo đức công vụ", "Thủ tục hành chính, hồ sơ đúng hạn, mức độ hài lòng."),
        S("II.5", "Tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh", "Số buổi, lượt tiếp; đơn tiếp nhận, thuộc thẩm quyền, đã giải quyết."),
        S("II.6", "Đối thoại với Nhân dân", "Số cuộc đối thoại, ý kiến và kết quả giải quyết."),
        S("II.7", "Phong trào thi đua “Dân vận khéo”", "Mô hình, điển hình đăng ký, được công nhận, nhân rộng."),
        S("II.8", "Phối hợp với Mặt trận Tổ quốc và các đoàn thể", "Quy chế phối hợp; giám sát, phản biện xã hội."),
        S("III", "Đánh giá chung", "Ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm.", required: true),
        S("IV", "Phương hướng, nhiệm vụ kỳ tới", null),
        S("V", "Đề xuất, kiến nghị", null),
    ], (s, i) => s.Order = i);

    public static IReadOnlyList<ReportIndicator> Indicators() => Numbered<ReportIndicator>(
    [
        I("VB", "Văn bản chỉ đạo, triển khai đã ban hành", "văn bản", "1. Lãnh đạo, chỉ đạo", measure: "van-ban-ban-hanh"),
        I("TT_CUOC", "Cuộc tuyên truyền, phổ biến, quán triệt", "cuộc", "2. Tuyên truyền, vận động", measure: "tuyen-truyen-cuoc"),
        I("TT_LUOT", "Lượt người tham dự tuyên truyền", "lượt người", "2. Tuyên truyền, vận động", measure: "tuyen-truyen-luot"),
        I("DC_CONGKHAI", "Nội dung đã công khai cho Nhân dân biết", "nội dung", "3. Dân chủ ở cơ sở", measure: "cong-khai"),
        I("DC_BAN", "Nội dung Nhân dân bàn và quyết định", "nội dung", "3. Dân chủ ở cơ sở", measure: "dan-ban-quyet-dinh"),
        I("DC_YKIEN", "Nội dung lấy ý kiến Nhân dân trước khi quyết định", "nội dung", "3. Dân chủ ở cơ sở", measure: "lay-y-kien-nhan-dan"),
        I("DC_GIAMSAT", "Cuộc kiểm tra, giám sát của Ban Thanh tra nhân dân", "cuộc", "3. Dân chủ ở cơ sở", measure: "giam-sat-ttnd"),
        I("DC_HNCB", "Hội nghị cán bộ, công chức, viên chức đã tổ chức", "hội nghị", "3. Dân chủ ở cơ sở", measure: "hoi-nghi-can-bo"),
        I("TCD_DINHKY", "Buổi tiếp công dân định kỳ của người đứng đầu", "buổi", "4. Tiếp công dân, xử lý đơn", required: true, measure: "tiep-cong-dan-dinh-ky"),
        I("TCD_LUOT", "Lượt công dân được tiếp", "lượt", "4. Tiếp công dân, xử lý đơn", measure: "tiep-cong-dan-luot"),
        I("DON_NHAN", "Đơn khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận", "đơn", "4. Tiếp công dân, xử lý đơn", required: true, measure: "don-nhan"),
        I("DON_TQ", "Đơn thuộc thẩm quyền giải quyết", "đơn", "4. Tiếp công dân, xử lý đơn", notAbove: "DON_NHAN", measure: "don-thuoc-tham-quyen"),
        I("DON_GQ", "Đơn thuộc thẩm quyền đã giải quyết", "đơn", "4. Tiếp công dân, xử lý đơn", notAbove: "DON_TQ", measure: "don-da-giai-quyet"),
        I("DON_DUNGHAN", "Đơn giải quyết đúng hạn", "đơn", "4. Tiếp công dân, xử lý đơn", notAbove: "DON_GQ", measure: "don-giai-quyet-dung-han"),
        R("DON_TYLE", "Tỷ lệ đơn giải quyết đúng hạn", "4. Tiếp công dân, xử lý đơn", "DON_DUNGHAN", "DON_GQ"),
        I("DT_CUOC", "Cuộc đối thoại với Nhân dân", "cuộc", "5. Đối thoại", required: true, measure: "doi-thoai-cuoc"),
        I("DT_YKIEN", "Ý kiến, kiến nghị tại đối thoại", "ý kiến", "5. Đối thoại", measure: "doi-thoai-y-kien"),
        I("DT_GQ", "Ý kiến đã được giải quyết, trả lời", "ý kiến", "5. Đối thoại", notAbove: "DT_YKIEN", measure: "doi-thoai-y-kien-da-giai-quyet"),
        I("MH_DANGKY", "Mô hình “Dân vận khéo” đăng ký", "mô hình", "6. Dân vận khéo", measure: "mo-hinh-dang-ky"),
        I("MH_CONGNHAN", "Mô hình “Dân vận khéo” được công nhận", "mô hình", "6. Dân vận khéo", measure: "mo-hinh-cong-nhan"),
        I("MH_NHANRONG", "Mô hình “Dân vận khéo” nhân rộng từ đơn vị khác", "mô hình", "6. Dân vận khéo", measure: "mo-hinh-nhan-rong"),
        I("MH_HIEUQUA", "Mô hình “Dân vận khéo” còn duy trì, hiệu quả", "mô hình", "6. Dân vận khéo", measure: "mo-hinh-con-hieu-qua"),
        I("NV_DENHAN", "Nhiệm vụ theo kế hoạch đến hạn trong kỳ", "nhiệm vụ", "7. Thực hiện kế hoạch", measure: "nhiem-vu-den-han"),
        I("NV_DUNGHAN", "Nhiệm vụ hoàn thành đúng hạn", "nhiệm vụ", "7. Thực hiện kế hoạch", notAbove: "NV_DENHAN", measure: "nhiem-vu-dung-han"),
        R("NV_TYLE", "Tỷ lệ nhiệm vụ hoàn thành đúng hạn", "7. Thực hiện kế hoạch", "NV_DUNGHAN", "NV_DENHAN"),
        new ReportIndicator { Code = "SIPAS", Name = "Chỉ số hài lòng của người dân (SIPAS) tự đánh giá", Unit = "%", Group = "8. Cải cách hành chính", Aggregation = IndicatorAggregation.Average, MeasureCode = "chi-so-sipas" },
    ], (x, i) => x.Order = i);

    private static List<T> Numbered<T>(List<T> items, Action<T, int> set)
    {
        for (var i = 0; i < items.Count; i++)
        {
            set(items[i], i + 1);
        }

        return items;
    }

    /// <summary>Default dates of a period: the calendar year to the cut-off; due on the rule's day, moved to the next working day.</summary>
    public static (DateOnly Start, DateOnly Cutoff, DateOnly Due) Dates(ReportDueRule rule, int year, WorkingCalendar calendar)
    {
        var start = rule.Kind switch
        {
            ReportPeriodKind.Quarter2 => new DateOnly(year, 4, 1),
            ReportPeriodKind.Quarter3 => new DateOnly(year, 7, 1),
            ReportPeriodKind.Quarter4 => new DateOnly(year, 10, 1),
            _ => new DateOnly(year, 1, 1),
        };
        var cutoff = new DateOnly(year, rule.CutoffMonth, Math.Min(rule.CutoffDay, DateTime.DaysInMonth(year, rule.CutoffMonth)));
        var due = new DateOnly(year, rule.DueMonth, Math.Min(rule.DueDay, DateTime.DaysInMonth(year, rule.DueMonth)));
        while (!calendar.IsWorkingDay(due))
        {
            due = due.AddDays(1); // a deadline on a day off ends on the next working day (Bộ luật Dân sự 2015, Art. 148)
        }

        return (start, cutoff, due);
    }

    public static string Label(ReportPeriodKind kind, int year) => kind switch
    {
        ReportPeriodKind.Quarter1 => $"Quý I năm {year}",
        ReportPeriodKind.Quarter2 => $"Quý II năm {year}",
        ReportPeriodKind.Quarter3 => $"Quý III năm {year}",
        ReportPeriodKind.Quarter4 => $"Quý IV năm {year}",
        ReportPeriodKind.FirstHalf => $"6 tháng đầu năm {year}",
        ReportPeriodKind.NineMonths => $"9 tháng năm {year}",
        ReportPeriodKind.Year => $"Năm {year}",
        _ => $"Đột xuất năm {year}",
    };

    private static ReportSection S(string code, string title, string? guidance, bool required = false) =>
        new() { Code = code, Title = title, Guidance = guidance, IsRequired = required };

    private static ReportIndicator I(string code, string name, string unit, string group, string? notAbove = null, string? measure = null, bool required = false) =>
        new() { Code = code, Name = name, Unit = unit, Group = group, Aggregation = IndicatorAggregation.Sum, NotAboveCode = notAbove, MeasureCode = measure, IsRequired = required };

    private static ReportIndicator R(string code, string name, string group, string numerator, string denominator) =>
        new() { Code = code, Name = name, Unit = "%", Group = group, Aggregation = IndicatorAggregation.Ratio, NumeratorCode = numerator, DenominatorCode = denominator };
}
