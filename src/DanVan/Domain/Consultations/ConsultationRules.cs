using System.Text.RegularExpressions;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Text;

namespace DanVan.Domain.Consultations;

/// <summary>
/// The rules of a draft consultation: the deadline (against the statutory clock's minimum "gop-y-du-thao" when the
/// people of a commune are consulted), who may still answer, when silence may be recorded (only after the last day),
/// what an answer must hold, how a comment is handled, and how a draft is cut into numbered paragraphs. Pure.
/// </summary>
public static partial class ConsultationRules
{
    /// <summary>The clock rule for the minimum consultation period of the people on a commune's draft.</summary>
    public const string MinimumPeriodRule = "gop-y-du-thao";

    public const string DefaultSilenceRule = "Nếu quá thời hạn nêu trên, các cơ quan, đơn vị, địa phương không có ý kiến xem như thống nhất với nội dung dự thảo.";

    public const int MaxParagraphs = 3000;

    public const int MaxParagraphLength = 8000;

    public const int MaxCommentsPerAnswer = 500;

    /// <summary>Errors of the dates of a new consultation (or a new round); <paramref name="minimum"/> is the clock's earliest end, when it applies.</summary>
    public static Dictionary<string, string> CheckDates(ConsultationAudience audience, DateOnly sentOn, DateOnly dueOn, Deadline? minimum, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (sentOn > today.AddDays(90) || sentOn < today.AddYears(-1))
        {
            errors["SentOn"] = "Ngày gửi dự thảo quá xa hôm nay; kiểm tra lại năm.";
        }

        if (dueOn < sentOn)
        {
            errors["DueOn"] = $"Hạn gửi ý kiến không được trước ngày gửi dự thảo ({VietnameseText.FormatDate(sentOn)}).";
        }
        else if (dueOn < today)
        {
            errors["DueOn"] = $"Hạn gửi ý kiến ({VietnameseText.FormatDate(dueOn)}) đã qua: các đơn vị không còn thời gian góp ý.";
        }
        else if (dueOn > sentOn.AddYears(1))
        {
            errors["DueOn"] = "Hạn gửi ý kiến quá xa (hơn một năm sau ngày gửi); kiểm tra lại năm.";
        }
        else if (audience == ConsultationAudience.CommunePeople && minimum is { } m && dueOn < m.Date)
        {
            errors["DueOn"] = $"Thời gian lấy ý kiến Nhân dân chưa đủ: hạn sớm nhất là ngày {VietnameseText.FormatDate(m.Date)} ({m.Explanation}).";
        }

        return errors;
    }

    /// <summary>Why a respondent may not answer (or change its answer) today; null when it may.</summary>
    public static string? CheckCanAnswer(RespondentState state, DateOnly dueOn, DateOnly today)
    {
        if (state == RespondentState.Silent)
        {
            return $"Đã hết hạn góp ý ngày {VietnameseText.FormatDate(dueOn)}; đơn vị đã được ghi nhận không có ý kiến.";
        }

        return today > dueOn
            ? $"Đã hết hạn gửi ý kiến (hết ngày {VietnameseText.FormatDate(dueOn)}): không gửi hoặc sửa ý kiến được nữa."
            : null;
    }

    /// <summary>Errors of an answer: agree, or at least one comment (general or on a paragraph), never both; a named signer.</summary>
    public static Dictionary<string, string> CheckAnswer(bool agrees, int paragraphComments, bool hasGeneralComment, string? signerName)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(signerName))
        {
            errors["SignerName"] = "Vui lòng nhập họ tên người ký (người chịu trách nhiệm về ý kiến của đơn vị).";
        }

        if (agrees && paragraphComments > 0)
        {
            errors["Agrees"] = "Đã chọn «Thống nhất với dự thảo» nhưng lại có ý kiến vào các đoạn: bỏ chọn thống nhất hoặc xóa các ý kiến.";
        }
        else if (!agrees && paragraphComments == 0 && !hasGeneralComment)
        {
            errors["Agrees"] = "Chọn «Thống nhất với dự thảo» hoặc nhập ít nhất một ý kiến góp ý.";
        }

        if (paragraphComments > MaxCommentsPerAnswer)
        {
            errors["Comments"] = $"Mỗi lần gửi tối đa {MaxCommentsPerAnswer} ý kiến.";
        }

        return errors;
    }

    /// <summary>Silence is recorded only once the last day for answers has passed (Việt Nam days).</summary>
    public static bool SilenceDue(DateOnly dueOn, DateOnly today) => today > dueOn;

    /// <summary>Why silence may not be recorded now for a respondent; null when it may.</summary>
    public static string? CheckSilence(RespondentState state, DateOnly dueOn, DateOnly today)
    {
        if (state != RespondentState.Pending)
        {
            return "Đơn vị đã có ý kiến hoặc đã được ghi nhận không có ý kiến.";
        }

        return SilenceDue(dueOn, today)
            ? null
            : $"Chưa hết hạn gửi ý kiến (hết ngày {VietnameseText.FormatDate(dueOn)}): chưa được coi đơn vị là không có ý kiến.";
    }

    /// <summary>Errors of the drafting unit's handling of a comment: partly accepted and explained ones need their explanation.</summary>
    public static Dictionary<string, string> CheckHandling(CommentHandling? handling, string? explanation)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (handling is null || !Enum.IsDefined(handling.Value))
        {
            errors["Handling"] = "Vui lòng chọn tiếp thu, tiếp thu một phần hoặc giải trình, không tiếp thu.";
        }
        else if (handling != CommentHandling.Accepted && string.IsNullOrWhiteSpace(explanation))
        {
            errors["Explanation"] = handling == CommentHandling.PartlyAccepted
                ? "Tiếp thu một phần: vui lòng ghi nội dung tiếp thu và giải trình phần không tiếp thu."
                : "Không tiếp thu: vui lòng ghi nội dung giải trình.";
        }

        return errors;
    }

    /// <summary>
    /// The draft's text as numbered paragraphs: blank lines dropped, whitespace collapsed; a paragraph that opens with
    /// "Điều 5", "II.", "1.2." or "a)" keeps that as its label.
    /// </summary>
    public static List<(int Number, string? Label, string Text)> Split(IEnumerable<string> lines)
    {
        var result = new List<(int, string?, string)>();
        foreach (var raw in lines)
        {
            var text = Spaces().Replace(VietnameseText.Nfc(raw) ?? "", " ").Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var m = LabelPattern().Match(text);
            result.Add((result.Count + 1, m.Success ? m.Groups["l"].Value.TrimEnd('.', ':') : null, text));
        }

        return result;
    }

    /// <summary>Pasted text: one paragraph per line.</summary>
    public static List<(int Number, string? Label, string Text)> SplitPasted(string? text) =>
        Split((text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));

    public static string Label(RespondentState state, bool silenceMeansAgreement) => state switch
    {
        RespondentState.Pending => "Chưa có ý kiến",
        RespondentState.Agreed => "Thống nhất",
        RespondentState.Commented => "Có ý kiến góp ý",
        RespondentState.Silent => silenceMeansAgreement ? "Không có ý kiến — xem như thống nhất" : "Không có ý kiến",
        _ => state.ToString(),
    };

    public static string Label(CommentHandling? h) => h switch
    {
        CommentHandling.Accepted => "Tiếp thu",
        CommentHandling.PartlyAccepted => "Tiếp thu một phần",
        CommentHandling.Explained => "Giải trình, không tiếp thu",
        null => "Chưa xử lý",
        _ => h.ToString()!,
    };

    public static string Label(ConsultationAudience a) => a switch
    {
        ConsultationAudience.Units => "Cơ quan, đơn vị, địa phương",
        ConsultationAudience.CommunePeople => "Nhân dân trên địa bàn xã, phường (Luật Thực hiện dân chủ ở cơ sở)",
        _ => a.ToString(),
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<l>Điều\s+\d+[a-z]?\.?|[IVXLC]+\.|\d+(\.\d+)*\.|[a-zđ]\))\s", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();
}
