using DanVan.Domain.Deadlines;
using DanVan.Domain.Text;

namespace DanVan.Domain.Dialogues;

/// <summary>
/// The rules of a dialogue: which step may follow which, the notice against the clock's minimum notice
/// ("doi-thoai-thong-bao"), the results against their limit ("doi-thoai-cong-bo-ket-qua"), and a commitment's state.
/// Pure; the periods themselves are rules of law in the database (ShippedRules), never constants here.
/// </summary>
public static class DialogueRules
{
    public const string NoticeRule = "doi-thoai-thong-bao";
    public const string ResultsRule = "doi-thoai-cong-bo-ket-qua";

    /// <summary>How far ahead a dialogue may be planned, and how far back one may be entered.</summary>
    public const int MaxYearsAhead = 2;

    public const int MaxYearsBack = 5;

    /// <summary>Errors of a notice recorded on <paramref name="noticeOn"/>; <paramref name="latest"/> is the clock's latest day.</summary>
    public static Dictionary<string, string> CheckNotice(DialogueState state, DateOnly heldOn, DateOnly noticeOn, Deadline latest, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state != DialogueState.Planned)
        {
            errors[""] = $"Cuộc đối thoại đang ở bước «{Label(state)}»: không ghi thông báo được nữa.";
            return errors;
        }

        if (noticeOn > today)
        {
            errors["NoticeOn"] = "Ngày thông báo không được sau hôm nay: ghi thông báo khi đã niêm yết, đăng tải.";
        }
        else if (noticeOn > latest.Date)
        {
            var ahead = heldOn.DayNumber - noticeOn.DayNumber;
            errors["NoticeOn"] = ahead <= 0
                ? $"Ngày thông báo phải trước ngày đối thoại ({VietnameseText.FormatDate(heldOn)}); chậm nhất ngày {VietnameseText.FormatDate(latest.Date)}: {latest.Explanation}."
                : $"Thông báo ngày {VietnameseText.FormatDate(noticeOn)} chỉ trước ngày đối thoại {ahead} ngày; phải thông báo chậm nhất ngày {VietnameseText.FormatDate(latest.Date)}: {latest.Explanation}. Đổi ngày đối thoại hoặc kiểm tra lại ngày thông báo.";
        }
        else if (noticeOn < heldOn.AddYears(-1))
        {
            errors["NoticeOn"] = "Ngày thông báo quá xa ngày đối thoại (hơn một năm); kiểm tra lại năm.";
        }

        return errors;
    }

    /// <summary>Errors of the record (biên bản) written for a dialogue that was announced.</summary>
    public static Dictionary<string, string> CheckRecord(DialogueState state, DateOnly heldOn, int? attendees, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state == DialogueState.Planned)
        {
            errors[""] = "Chưa ghi thông báo tổ chức đối thoại: phải thông báo công khai trước khi tổ chức (Điều 43 Luật Tổ chức chính quyền địa phương).";
        }
        else if (state != DialogueState.Announced)
        {
            errors[""] = $"Cuộc đối thoại đang ở bước «{Label(state)}»: biên bản đã được ghi.";
        }
        else if (heldOn > today)
        {
            errors[""] = $"Cuộc đối thoại dự kiến ngày {VietnameseText.FormatDate(heldOn)}: chỉ ghi biên bản từ ngày đó.";
        }

        if (attendees is null)
        {
            errors["Attendees"] = "Vui lòng nhập số người tham dự.";
        }
        else if (attendees is < 1 or > 1_000_000)
        {
            errors["Attendees"] = "Số người tham dự phải từ 1 đến 1.000.000.";
        }

        return errors;
    }

    /// <summary>Whether opinions may still be added to the record.</summary>
    public static string? CheckOpinion(DialogueState state) => state switch
    {
        DialogueState.Held => null,
        DialogueState.ResultsPublished => "Kết quả đối thoại đã công bố: không thêm ý kiến vào biên bản được nữa.",
        _ => "Chỉ ghi ý kiến sau khi đã ghi biên bản cuộc đối thoại.",
    };

    /// <summary>Errors of a commitment: an owner unit and a deadline on or after the dialogue, at most two years on.</summary>
    public static Dictionary<string, string> CheckCommitment(int? ownerUnitId, DateOnly? dueOn, DateOnly heldOn)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ownerUnitId is null or <= 0)
        {
            errors["OwnerUnitId"] = "Ý kiến chưa trả lời tại hội nghị phải giao cho một đơn vị chịu trách nhiệm giải quyết, trả lời.";
        }

        if (dueOn is null)
        {
            errors["DueOn"] = "Vui lòng nhập hạn giải quyết, trả lời ý kiến (ngày/tháng/năm).";
        }
        else if (dueOn < heldOn)
        {
            errors["DueOn"] = $"Hạn giải quyết không được trước ngày đối thoại ({VietnameseText.FormatDate(heldOn)}).";
        }
        else if (dueOn > heldOn.AddYears(MaxYearsAhead))
        {
            errors["DueOn"] = "Hạn giải quyết quá xa (hơn hai năm sau cuộc đối thoại); kiểm tra lại năm.";
        }

        return errors;
    }

    /// <summary>Errors of the results published on <paramref name="publishedOn"/>; <paramref name="limit"/> is the clock's last day.</summary>
    public static Dictionary<string, string> CheckResults(DialogueState state, DateOnly heldOn, DateOnly publishedOn, Deadline limit, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state != DialogueState.Held)
        {
            errors[""] = state == DialogueState.ResultsPublished
                ? "Kết quả đối thoại đã được công bố."
                : "Chỉ công bố kết quả sau khi đã ghi biên bản cuộc đối thoại.";
            return errors;
        }

        if (publishedOn > today)
        {
            errors["PublishedOn"] = "Ngày công bố kết quả không được sau hôm nay.";
        }
        else if (publishedOn < heldOn)
        {
            errors["PublishedOn"] = $"Ngày công bố kết quả không được trước ngày đối thoại ({VietnameseText.FormatDate(heldOn)}).";
        }
        else if (publishedOn > limit.Date)
        {
            errors["PublishedOn"] = $"Ngày {VietnameseText.FormatDate(publishedOn)} đã quá hạn công bố kết quả (chậm nhất ngày {VietnameseText.FormatDate(limit.Date)}: {limit.Explanation}). Ghi đúng ngày đã công bố; nếu công bố muộn, báo cáo lãnh đạo và ghi lý do trong kết quả.";
        }

        return errors;
    }

    /// <summary>Open, done, or overdue (open past its deadline, in Việt Nam days).</summary>
    public static string StatusLabel(CommitmentState state, DateOnly dueOn, DateOnly today) => state switch
    {
        CommitmentState.Done => "Đã hoàn thành",
        _ when dueOn < today => "Quá hạn",
        _ => "Đang thực hiện",
    };

    public static bool IsOverdue(CommitmentState state, DateOnly dueOn, DateOnly today) => state == CommitmentState.Open && dueOn < today;

    public static string Label(DialogueState s) => s switch
    {
        DialogueState.Planned => "Dự kiến",
        DialogueState.Announced => "Đã thông báo",
        DialogueState.Held => "Đã tổ chức",
        DialogueState.ResultsPublished => "Đã công bố kết quả",
        _ => s.ToString(),
    };

    public static string Label(DialogueAudience a) => a switch
    {
        DialogueAudience.Residents => "Nhân dân trên địa bàn xã, phường",
        DialogueAudience.Village => "Nhân dân thôn, tổ dân phố",
        DialogueAudience.AffectedGroup => "Người dân chịu tác động của dự án, chính sách",
        DialogueAudience.Businesses => "Doanh nghiệp, hộ kinh doanh",
        DialogueAudience.Staff => "Cán bộ, công chức, viên chức, người lao động",
        DialogueAudience.Other => "Đối tượng khác",
        _ => a.ToString(),
    };
}
