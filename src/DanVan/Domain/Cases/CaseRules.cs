using DanVan.Domain.Deadlines;
using DanVan.Domain.Text;

namespace DanVan.Domain.Cases;

/// <summary>Phân loại đơn theo nội dung (Thông tư 05/2021/TT-TTCP Art. 6): by content and purpose, not by the title.</summary>
public enum CaseKind
{
    /// <summary>Đơn khiếu nại.</summary>
    Complaint = 1,

    /// <summary>Đơn tố cáo.</summary>
    Denunciation = 2,

    /// <summary>Đơn kiến nghị, phản ánh.</summary>
    Petition = 3,

    /// <summary>Đơn có nhiều nội dung khác nhau.</summary>
    Mixed = 4,
}

/// <summary>Nguồn đơn.</summary>
public enum CaseSource
{
    Post = 1,
    InPerson = 2,
    Reception = 3,
    HotlineOrEmail = 4,
    TransferredByAgency = 5,
    Deputies = 6,
    Front = 7,
    Press = 8,
    Leaders = 9,
}

/// <summary>Where a case stands. The last six are final.</summary>
public enum CaseState
{
    /// <summary>Đã tiếp nhận, đang xử lý đơn.</summary>
    Received = 1,

    /// <summary>Đã thụ lý, đang giải quyết.</summary>
    Accepted = 2,

    /// <summary>Tạm đình chỉ giải quyết: the clock stops.</summary>
    Suspended = 3,

    /// <summary>Không thụ lý (with reasons).</summary>
    NotAccepted = 4,

    /// <summary>Không thuộc thẩm quyền: đã hướng dẫn người gửi.</summary>
    Guided = 5,

    /// <summary>Không thuộc thẩm quyền: đã chuyển đơn đến cơ quan có thẩm quyền.</summary>
    Transferred = 6,

    /// <summary>Đã ban hành quyết định giải quyết / kết luận nội dung tố cáo / văn bản trả lời.</summary>
    Resolved = 7,

    /// <summary>Người gửi đã rút đơn.</summary>
    Withdrawn = 8,

    /// <summary>Lưu đơn: không đủ điều kiện xử lý.</summary>
    Archived = 9,
}

/// <summary>What a handler does to a case.</summary>
public enum CaseAction
{
    Accept = 1,
    Refuse = 2,
    Guide = 3,
    Transfer = 4,
    Extend = 5,
    Suspend = 6,
    Resume = 7,
    Resolve = 8,
    Withdraw = 9,
    Archive = 10,

    /// <summary>Xác định vụ việc phức tạp: the longer period of the rule applies (complaints), or extensions open (denunciations).</summary>
    MarkComplex = 11,
}

/// <summary>What the rules need to know about a case (a snapshot of its row and steps).</summary>
public sealed record CaseFacts
{
    public required CaseKind Kind { get; init; }

    public required CaseState State { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public DateOnly? AcceptedOn { get; init; }

    /// <summary>Lần giải quyết khiếu nại: 1 or 2.</summary>
    public int Instance { get; init; } = 1;

    public bool WithinCompetence { get; init; } = true;

    public DeadlineConditions Conditions { get; init; }

    /// <summary>Lengths of the extensions already granted.</summary>
    public IReadOnlyList<int> Extensions { get; init; } = [];

    /// <summary>Closed suspensions, and the open one's start (to its end of today) while suspended.</summary>
    public IReadOnlyList<DateSpan> Suspensions { get; init; } = [];

    public DateOnly? SuspendedSince { get; init; }

    /// <summary>Whether a denunciation with the same sender and content was already transferred once.</summary>
    public bool SameContentAlreadyTransferred { get; init; }

    /// <summary>The date of the last step, which a new step may not precede.</summary>
    public DateOnly LastStepOn { get; init; }
}

/// <summary>A handler's request: the action, its date and what the law asks it to carry.</summary>
public sealed record CaseCommand
{
    public required CaseAction Action { get; init; }

    public required DateOnly On { get; init; }

    public string? Reason { get; init; }

    /// <summary>For a withdrawal: the written request bears the sender's signature or fingerprint.</summary>
    public bool Signed { get; init; }

    /// <summary>For an extension: its length in days.</summary>
    public int? Days { get; init; }

    /// <summary>For a transfer: the body it goes to.</summary>
    public string? ToBody { get; init; }
}

/// <summary>A step's outcome: the new state, or Vietnamese field errors (nothing is to be saved).</summary>
public sealed record CaseStepOutcome(CaseState? NewState, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsOk => NewState is not null;
}

/// <summary>
/// The rules of handling a đơn (Luật Khiếu nại 2011, Luật Tố cáo 2018, Luật Tiếp công dân 2013, Thông tư 05/2021):
/// which step may follow which, what each must carry, and which statutory-clock rule times the current step.
/// </summary>
public static class CaseRules
{
    public static bool IsFinal(CaseState s) => s >= CaseState.NotAccepted;

    public static string Label(CaseState s) => s switch
    {
        CaseState.Received => "Đang xử lý đơn",
        CaseState.Accepted => "Đã thụ lý, đang giải quyết",
        CaseState.Suspended => "Tạm đình chỉ",
        CaseState.NotAccepted => "Không thụ lý",
        CaseState.Guided => "Đã hướng dẫn",
        CaseState.Transferred => "Đã chuyển đơn",
        CaseState.Resolved => "Đã giải quyết",
        CaseState.Withdrawn => "Đã rút đơn",
        _ => "Lưu đơn",
    };

    public static string Label(CaseKind k) => k switch
    {
        CaseKind.Complaint => "Khiếu nại",
        CaseKind.Denunciation => "Tố cáo",
        CaseKind.Petition => "Kiến nghị, phản ánh",
        _ => "Nhiều nội dung",
    };

    public static string Label(CaseSource s) => s switch
    {
        CaseSource.Post => "Qua bưu chính",
        CaseSource.InPerson => "Trực tiếp",
        CaseSource.Reception => "Qua tiếp công dân",
        CaseSource.HotlineOrEmail => "Đường dây nóng, thư điện tử",
        CaseSource.TransferredByAgency => "Cơ quan khác chuyển đến",
        CaseSource.Deputies => "Đại biểu Quốc hội, HĐND chuyển đến",
        CaseSource.Front => "Mặt trận Tổ quốc, đoàn thể chuyển đến",
        CaseSource.Press => "Báo chí chuyển đến",
        _ => "Lãnh đạo chuyển đến",
    };

    public static string Label(CaseAction a) => a switch
    {
        CaseAction.Accept => "Thụ lý",
        CaseAction.Refuse => "Không thụ lý",
        CaseAction.Guide => "Hướng dẫn",
        CaseAction.Transfer => "Chuyển đơn",
        CaseAction.Extend => "Gia hạn",
        CaseAction.Suspend => "Tạm đình chỉ",
        CaseAction.Resume => "Tiếp tục giải quyết",
        CaseAction.Resolve => "Ban hành kết quả giải quyết",
        CaseAction.Withdraw => "Rút đơn",
        CaseAction.MarkComplex => "Xác định vụ việc phức tạp",
        _ => "Lưu đơn",
    };

    /// <summary>The actions open to a case now (what the page offers).</summary>
    public static IReadOnlyList<CaseAction> Allowed(CaseFacts c) => c.State switch
    {
        CaseState.Received => c.WithinCompetence
            ? [CaseAction.Accept, CaseAction.Refuse, CaseAction.Archive, CaseAction.Withdraw]
            : c.Kind == CaseKind.Denunciation
                ? [CaseAction.Transfer, CaseAction.Archive, CaseAction.Withdraw]
                : [CaseAction.Guide, CaseAction.Transfer, CaseAction.Archive, CaseAction.Withdraw],
        CaseState.Accepted => (c.Kind == CaseKind.Denunciation
            ? new[] { CaseAction.Extend, CaseAction.Suspend, CaseAction.Resolve, CaseAction.Withdraw }
            : [CaseAction.Suspend, CaseAction.Resolve, CaseAction.Withdraw])
            .Concat(c.Conditions.HasFlag(DeadlineConditions.Complex) || c.Kind is CaseKind.Petition or CaseKind.Mixed ? [] : new[] { CaseAction.MarkComplex }).ToList(),
        CaseState.Suspended => [CaseAction.Resume, CaseAction.Withdraw],
        _ => [],
    };

    /// <summary>Checks a step against the case and the law; all errors at once.</summary>
    public static CaseStepOutcome Check(CaseFacts c, CaseCommand cmd, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (cmd.On > today)
        {
            errors["On"] = $"Ngày {VietnameseText.FormatDate(cmd.On)} chưa đến: không ghi trước một việc chưa làm.";
        }
        else if (cmd.On < c.LastStepOn)
        {
            errors["On"] = $"Ngày {VietnameseText.FormatDate(cmd.On)} trước bước gần nhất của vụ việc ({VietnameseText.FormatDate(c.LastStepOn)}).";
        }

        if (IsFinal(c.State))
        {
            errors[""] = $"Vụ việc đã kết thúc ({Label(c.State)}): không thêm bước được nữa.";
            return new CaseStepOutcome(null, errors);
        }

        if (!Allowed(c).Contains(cmd.Action))
        {
            errors[""] = cmd.Action switch
            {
                CaseAction.Accept when !c.WithinCompetence => "Đơn không thuộc thẩm quyền của đơn vị: không thụ lý được; hướng dẫn hoặc chuyển đơn.",
                CaseAction.Guide when c.Kind == CaseKind.Denunciation => "Tố cáo không thuộc thẩm quyền phải được chuyển đến cơ quan có thẩm quyền (Điều 24 Luật Tố cáo), không chỉ hướng dẫn.",
                CaseAction.Extend when c.Kind != CaseKind.Denunciation => "Chỉ thời hạn giải quyết tố cáo được gia hạn; thời hạn khiếu nại dài hơn khi vụ việc phức tạp, không gia hạn.",
                _ => $"Không thể «{Label(cmd.Action)}» khi vụ việc {Label(c.State).ToLower(VietnameseText.Culture)}.",
            };
            return new CaseStepOutcome(null, errors);
        }

        var reason = VietnameseText.Optional(cmd.Reason);
        switch (cmd.Action)
        {
            case CaseAction.Accept when cmd.On < c.ReceivedOn:
                errors["On"] = $"Ngày thụ lý không được trước ngày nhận đơn ({VietnameseText.FormatDate(c.ReceivedOn)}).";
                break;
            case CaseAction.Refuse or CaseAction.Archive or CaseAction.Suspend or CaseAction.Guide or CaseAction.MarkComplex when reason is null:
                errors["Reason"] = cmd.Action switch
                {
                    CaseAction.Refuse => "Vui lòng ghi lý do không thụ lý (Điều 11 Luật Khiếu nại, Điều 27 Luật Tố cáo).",
                    CaseAction.Archive => "Vui lòng ghi lý do lưu đơn (đơn không đủ điều kiện xử lý).",
                    CaseAction.Suspend => "Vui lòng ghi căn cứ tạm đình chỉ.",
                    CaseAction.MarkComplex => "Vui lòng ghi vì sao vụ việc phức tạp (ví dụ: xác minh tại nhiều nơi, nhiều người cùng khiếu nại; Điều 3 Nghị định 31/2019/NĐ-CP với tố cáo).",
                    _ => "Vui lòng ghi nội dung hướng dẫn (cơ quan có thẩm quyền giải quyết).",
                };
                break;
            case CaseAction.Transfer:
                if (string.IsNullOrWhiteSpace(cmd.ToBody))
                {
                    errors["ToBody"] = "Vui lòng ghi cơ quan, đơn vị nhận đơn chuyển.";
                }

                if (c.Kind == CaseKind.Denunciation && c.SameContentAlreadyTransferred)
                {
                    errors[""] = "Tố cáo cùng nội dung này đã được chuyển một lần; không chuyển lần thứ hai (khoản 1 Điều 14 Thông tư 05/2021/TT-TTCP).";
                }

                break;
            case CaseAction.Withdraw when !cmd.Signed:
                errors["Signed"] = "Việc rút đơn phải bằng văn bản có chữ ký hoặc điểm chỉ của người gửi; đánh dấu khi đã có văn bản đó.";
                break;
            case CaseAction.Extend when cmd.Days is not > 0:
                errors["Days"] = "Vui lòng ghi số ngày gia hạn (lớn hơn 0).";
                break;
            case CaseAction.Resolve when c.AcceptedOn is { } accepted && cmd.On < accepted:
                errors["On"] = $"Ngày ban hành quyết định, kết luận không được trước ngày thụ lý ({VietnameseText.FormatDate(accepted)}).";
                break;
        }

        if (errors.Count > 0)
        {
            return new CaseStepOutcome(null, errors);
        }

        return new CaseStepOutcome(cmd.Action switch
        {
            CaseAction.Accept => CaseState.Accepted,
            CaseAction.Refuse => CaseState.NotAccepted,
            CaseAction.Guide => CaseState.Guided,
            CaseAction.Transfer => CaseState.Transferred,
            CaseAction.Extend => CaseState.Accepted,
            CaseAction.MarkComplex => CaseState.Accepted,
            CaseAction.Suspend => CaseState.Suspended,
            CaseAction.Resume => CaseState.Accepted,
            CaseAction.Resolve => CaseState.Resolved,
            CaseAction.Withdraw => CaseState.Withdrawn,
            _ => CaseState.Archived,
        }, errors);
    }

    /// <summary>
    /// The clock rule and request that time the case's current step: the processing of the đơn while received, its
    /// resolution once accepted (with the case's conditions, extensions and suspensions); null when nothing is due.
    /// </summary>
    public static (string Rule, DeadlineRequest Request)? CurrentDeadline(CaseFacts c, DateOnly today)
    {
        switch (c.State)
        {
            case CaseState.Received:
                var processing = c.Kind switch
                {
                    CaseKind.Complaint => c.Instance == 2 ? "khieu-nai-lan-hai-thu-ly" : "khieu-nai-lan-dau-thu-ly",
                    CaseKind.Denunciation => c.WithinCompetence ? "to-cao-xu-ly-ban-dau" : "to-cao-chuyen-don",
                    _ => "xu-ly-don",
                };
                return (processing, new DeadlineRequest { From = c.ReceivedOn, Conditions = c.Conditions & DeadlineConditions.SeveralPlaces });
            case CaseState.Accepted or CaseState.Suspended when c.AcceptedOn is { } accepted:
                var resolution = c.Kind switch
                {
                    CaseKind.Complaint => c.Instance == 2 ? "khieu-nai-lan-hai-giai-quyet" : "khieu-nai-lan-dau-giai-quyet",
                    CaseKind.Denunciation => "to-cao-giai-quyet",
                    _ => null,
                };
                if (resolution is null)
                {
                    return null;
                }

                var spans = c.Suspensions.ToList();
                if (c.State == CaseState.Suspended && c.SuspendedSince is { } since && since > accepted)
                {
                    spans.Add(new DateSpan(since, today < since ? since : today));
                }

                return (resolution, new DeadlineRequest
                {
                    From = accepted,
                    Conditions = c.Conditions & (DeadlineConditions.Complex | DeadlineConditions.EspeciallyComplex | DeadlineConditions.Remote),
                    Extensions = c.Kind == CaseKind.Denunciation ? c.Extensions : [],
                    Suspensions = spans,
                });
            default:
                return null;
        }
    }
}
