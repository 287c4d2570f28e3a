namespace DanVan.Domain.Democracy;

/// <summary>A consultation as typed, after parsing: what the rules check.</summary>
public sealed record PeopleConsultationFacts(PeopleConsultationMatter? Matter, string? Subject, string? Community, ConsultationForms Forms, DateOnly? OpensOn,
    DateOnly? ClosesOn, int? Received, int? Agreed, int? Other, string? Decision, DateOnly? DecidedOn);

/// <summary>
/// Nhân dân tham gia ý kiến trước khi cơ quan có thẩm quyền quyết định (Điều 25–26 Luật 10/2022/QH15): validation,
/// the forms' labels and the shipped list of matters. Pure; table-tested.
/// </summary>
public static class PeopleConsultationRules
{
    /// <summary>The earliest year a consultation may be dated (the register starts with the Law's years, kept a little wider).</summary>
    public const int FirstYear = 2020;

    /// <summary>How far ahead a consultation may open (one being prepared), in days.</summary>
    public const int MaxDaysAhead = 90;

    /// <summary>How long one consultation may last, in days.</summary>
    public const int MaxDays = 366;

    public const int MaxOpinions = 10_000_000;

    public static IReadOnlyList<ConsultationForms> AllForms { get; } = Enum.GetValues<ConsultationForms>().Where(f => f != ConsultationForms.None).ToList();

    /// <summary>The point of Điều 26 khoản 1 a form is ("a", "b", … "đ", "e", "g", "h").</summary>
    public static string Point(ConsultationForms f) => f switch
    {
        ConsultationForms.Dialogue => "a",
        ConsultationForms.CommunityMeeting => "b",
        ConsultationForms.Questionnaire => "c",
        ConsultationForms.SuggestionBox => "d",
        ConsultationForms.Organisations => "đ",
        ConsultationForms.Portal => "e",
        ConsultationForms.Network => "g",
        ConsultationForms.AffectedDialogue => "h",
        _ => "",
    };

    public static string Label(ConsultationForms f) => f switch
    {
        ConsultationForms.Dialogue => "Hội nghị trao đổi, đối thoại giữa UBND cấp xã với Nhân dân",
        ConsultationForms.CommunityMeeting => "Họp cộng đồng dân cư",
        ConsultationForms.Questionnaire => "Phát phiếu lấy ý kiến hộ gia đình",
        ConsultationForms.SuggestionBox => "Hòm thư góp ý, đường dây nóng",
        ConsultationForms.Organisations => "Qua Ban công tác Mặt trận, tổ chức chính trị – xã hội",
        ConsultationForms.Portal => "Cổng, trang thông tin điện tử của xã",
        ConsultationForms.Network => "Mạng viễn thông, mạng xã hội",
        ConsultationForms.AffectedDialogue => "Đối thoại với người chịu tác động của biện pháp",
        _ => f.ToString(),
    };

    public static string Labels(ConsultationForms forms) => string.Join("; ", AllForms.Where(f => forms.HasFlag(f)).Select(Label));

    /// <summary>Whether a year can be a consultation's year (dates can be built from it and it is not absurd).</summary>
    public static bool IsYear(int? year) => year is >= FirstYear and <= 9000;

    /// <summary>Whether the matter is in force on a day.</summary>
    public static bool InForce(PeopleConsultationMatter m, DateOnly on) => m.ValidFrom <= on && (m.ValidTo is null || m.ValidTo >= on);

    /// <summary>Every error of a consultation at once, by field; empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string> Check(PeopleConsultationFacts c, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c.Matter is null)
        {
            errors["MatterCode"] = "Vui lòng chọn loại nội dung lấy ý kiến Nhân dân (Điều 25).";
        }
        else if (c.OpensOn is { } day && day.Year >= FirstYear && !InForce(c.Matter, day))
        {
            errors["MatterCode"] = $"Loại nội dung «{c.Matter.Name}» không có hiệu lực vào ngày bắt đầu lấy ý kiến.";
        }

        if (string.IsNullOrWhiteSpace(c.Subject))
        {
            errors["Subject"] = "Vui lòng ghi nội dung đưa ra lấy ý kiến Nhân dân.";
        }

        if (string.IsNullOrWhiteSpace(c.Community))
        {
            errors["Community"] = "Vui lòng ghi phạm vi lấy ý kiến: toàn xã (phường) hoặc thôn, tổ dân phố.";
        }

        if (c.Forms == ConsultationForms.None)
        {
            errors["Forms"] = "Vui lòng chọn ít nhất một hình thức lấy ý kiến (Điều 26).";
        }

        if (c.OpensOn is { } opens)
        {
            if (opens.Year < FirstYear)
            {
                errors["OpensOn"] = $"Ngày bắt đầu lấy ý kiến quá xa (từ năm {FirstYear}); kiểm tra lại năm.";
            }
            else if (opens > today.AddDays(MaxDaysAhead))
            {
                errors["OpensOn"] = $"Ngày bắt đầu lấy ý kiến không được sau hôm nay quá {MaxDaysAhead} ngày.";
            }

            if (c.ClosesOn is { } closes)
            {
                if (closes < opens)
                {
                    errors["ClosesOn"] = "Ngày kết thúc lấy ý kiến không thể trước ngày bắt đầu.";
                }
                else if (closes.DayNumber - opens.DayNumber > MaxDays)
                {
                    errors["ClosesOn"] = "Một đợt lấy ý kiến không kéo dài quá một năm; kiểm tra lại ngày kết thúc.";
                }
            }
        }

        if (c.Received is not (>= 0 and <= MaxOpinions))
        {
            errors["OpinionsReceived"] = "Số ý kiến nhận được phải là số nguyên không âm (0 nếu chưa có ý kiến nào).";
        }

        if (c.Agreed is not (>= 0 and <= MaxOpinions))
        {
            errors["OpinionsAgreed"] = "Số ý kiến đồng ý phải là số nguyên không âm.";
        }
        else if (c.Received is >= 0 and var received && c.Agreed > received)
        {
            errors["OpinionsAgreed"] = $"Số ý kiến đồng ý ({c.Agreed}) không thể lớn hơn số ý kiến nhận được ({received}).";
        }

        if (c.Other is not (>= 0 and <= MaxOpinions))
        {
            errors["OpinionsOther"] = "Số ý kiến khác, đề xuất phải là số nguyên không âm.";
        }
        else if (c.Received is >= 0 and var all && c.Agreed is >= 0 and var yes && yes <= all && yes + c.Other > all)
        {
            errors["OpinionsOther"] = $"Số ý kiến đồng ý ({yes}) và ý kiến khác ({c.Other}) cộng lại không thể lớn hơn số ý kiến nhận được ({all}).";
        }

        if (c.DecidedOn is { } decided)
        {
            if (decided > today)
            {
                errors["DecidedOn"] = "Ngày quyết định không được sau hôm nay: chỉ ghi quyết định đã ban hành.";
            }
            else if (c.ClosesOn is { } end && decided < end)
            {
                errors["DecidedOn"] = "Ngày quyết định không thể trước ngày kết thúc lấy ý kiến.";
            }

            if (string.IsNullOrWhiteSpace(c.Decision))
            {
                errors["Decision"] = "Vui lòng ghi quyết định của cơ quan có thẩm quyền (hoặc bỏ trống ngày quyết định).";
            }
        }

        return errors;
    }

    /// <summary>
    /// The kinds of matter shipped (Điều 25 Luật 10/2022/QH15, as published summaries list them; the clause of the
    /// affected persons is khoản 8 per facts.md §3.3). Data: an administrator corrects them; ReferenceData copies a
    /// code only when the database has none.
    /// </summary>
    public static IReadOnlyList<PeopleConsultationMatter> Shipped()
    {
        var from = new DateOnly(2023, 7, 1);
        const string Summary = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 25 (theo bản tóm tắt, cần đối chiếu nguyên văn); hình thức tại Điều 26";
        const string Checked = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 25 khoản 8 và Điều 26 điểm h";
        PeopleConsultationMatter M(int order, string code, string name, string article, string basis) => new()
        {
            Code = code, Name = name, Article = article, LegalBasis = basis, SortOrder = order, ValidFrom = from,
        };
        return
        [
            M(1, "ke-hoach-ktxh", "Dự thảo kế hoạch phát triển kinh tế – xã hội của xã; phương án chuyển dịch cơ cấu kinh tế", "Điều 25", Summary),
            M(2, "quy-hoach-dat", "Dự thảo quy hoạch, kế hoạch sử dụng đất; phương án điều chỉnh quy hoạch có liên quan đến địa bàn xã", "Điều 25", Summary),
            M(3, "du-an-dau-tu", "Chủ trương, dự án đầu tư, công trình trên địa bàn; phương án bồi thường, hỗ trợ, tái định cư", "Điều 25", Summary),
            M(4, "dia-gioi", "Đề án thành lập, nhập, chia, điều chỉnh địa giới đơn vị hành chính; đặt tên, đổi tên đơn vị hành chính, thôn, tổ dân phố", "Điều 25", Summary),
            M(5, "quy-hoach-xay-dung", "Quy hoạch xây dựng, chỉnh trang đô thị, xây dựng nông thôn mới trên địa bàn", "Điều 25", Summary),
            M(6, "bien-phap", "Nội dung liên quan đến đối tượng chịu tác động của biện pháp", "Điều 25 khoản 8", Checked),
            M(7, "khac", "Các nội dung khác theo quy định của pháp luật, quy chế, quy định của cấp có thẩm quyền", "Điều 25", Summary),
        ];
    }
}
