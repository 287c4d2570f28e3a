namespace DanVan.Domain.Democracy;

/// <summary>A board as typed, after parsing: what the rules check. Members with an empty name are left out before.</summary>
public sealed record OversightBoardFacts(DisclosureScope? Scope, OversightBoardKind? Kind, string? Name, string? Project, DateOnly? TermFrom, DateOnly? TermTo,
    IReadOnlyList<(string Name, OversightMemberRole? Role)> Members, OversightBoardRule? Rule);

/// <summary>An activity as typed: what the rules check against its board's term.</summary>
public sealed record OversightActivityFacts(OversightActivityKind? Kind, DateOnly? HeldOn, string? Subject, DateOnly TermFrom, DateOnly TermTo);

/// <summary>
/// Nhân dân kiểm tra, giám sát: the boards (Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng) and their
/// activities (facts.md §3.4, §3.6). Pure; table-tested. Member-count bounds are data (<see cref="OversightBoardRule"/>).
/// </summary>
public static class OversightRules
{
    public const int MaxMembers = 30;

    public static string Label(OversightBoardKind k) => k switch
    {
        OversightBoardKind.PeopleInspection => "Ban Thanh tra nhân dân",
        OversightBoardKind.CommunityInvestment => "Ban Giám sát đầu tư của cộng đồng",
        _ => k.ToString(),
    };

    public static string Label(OversightMemberRole r) => r switch
    {
        OversightMemberRole.Head => "Trưởng ban",
        OversightMemberRole.Deputy => "Phó Trưởng ban",
        OversightMemberRole.Member => "Thành viên",
        _ => r.ToString(),
    };

    public static string Label(OversightActivityKind k) => k switch
    {
        OversightActivityKind.Inspection => "Kiểm tra",
        OversightActivityKind.Supervision => "Giám sát",
        _ => k.ToString(),
    };

    /// <summary>The kinds of board a unit of this scope holds: communes both, agencies their own Ban TTND only.</summary>
    public static IReadOnlyList<OversightBoardKind> KindsFor(DisclosureScope? scope) => scope switch
    {
        DisclosureScope.Commune => [OversightBoardKind.PeopleInspection, OversightBoardKind.CommunityInvestment],
        DisclosureScope.Agency => [OversightBoardKind.PeopleInspection],
        _ => [],
    };

    /// <summary>The bounds of a rule in words ("từ 5 đến 7 thành viên"); null when the rule sets none.</summary>
    public static string? Bounds(OversightBoardRule rule) => (rule.MinMembers, rule.MaxMembers) switch
    {
        ({ } min, { } max) => $"từ {min} đến {max} thành viên",
        ({ } min, null) => $"ít nhất {min} thành viên",
        (null, { } max) => $"không quá {max} thành viên",
        _ => null,
    };

    /// <summary>The rule of a kind of board in a scope in force on a day (the latest version), or null.</summary>
    public static OversightBoardRule? RuleFor(IEnumerable<OversightBoardRule> rules, OversightBoardKind kind, DisclosureScope scope, DateOnly on) =>
        rules.Where(r => r.Kind == kind && r.Scope == scope && r.ValidFrom <= on && (r.ValidTo is null || r.ValidTo >= on)).OrderByDescending(r => r.ValidFrom).FirstOrDefault();

    /// <summary>Every error of a board at once, by field; empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string> Check(OversightBoardFacts b)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (b.Scope is null)
        {
            errors[""] = "Đơn vị này không có Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng (chỉ xã, phường, đặc khu và các cơ quan, đơn vị).";
        }

        if (b.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["Kind"] = "Vui lòng chọn loại ban: Ban Thanh tra nhân dân hoặc Ban Giám sát đầu tư của cộng đồng.";
        }
        else if (b.Scope is { } scope && !KindsFor(scope).Contains(kind))
        {
            errors["Kind"] = "Ban Giám sát đầu tư của cộng đồng chỉ thành lập ở xã, phường, đặc khu (theo từng chương trình, dự án); cơ quan, đơn vị có Ban Thanh tra nhân dân.";
        }

        if (string.IsNullOrWhiteSpace(b.Name))
        {
            errors["Name"] = "Vui lòng ghi tên ban (ví dụ: Ban Thanh tra nhân dân phường Tân Ninh).";
        }

        if (b.Kind == OversightBoardKind.CommunityInvestment && string.IsNullOrWhiteSpace(b.Project))
        {
            errors["Project"] = "Vui lòng ghi chương trình, dự án mà Ban Giám sát đầu tư của cộng đồng giám sát.";
        }

        if (b.TermFrom is { } from && from.Year < 2000)
        {
            errors["TermFrom"] = "Ngày bắt đầu nhiệm kỳ quá xa; kiểm tra lại năm.";
        }

        if (b.TermFrom is { } f && b.TermTo is { } to)
        {
            if (to < f)
            {
                errors["TermTo"] = "Ngày kết thúc nhiệm kỳ không thể trước ngày bắt đầu nhiệm kỳ.";
            }
            else if (to > f.AddYears(10))
            {
                errors["TermTo"] = "Nhiệm kỳ không quá 10 năm; kiểm tra lại ngày kết thúc.";
            }
        }

        if (b.Members.Any(m => m.Role is not { } r || !Enum.IsDefined(r)))
        {
            errors["Members"] = "Vui lòng chọn chức danh (Trưởng ban, Phó Trưởng ban, Thành viên) cho từng thành viên.";
            return errors;
        }

        var heads = b.Members.Count(m => m.Role == OversightMemberRole.Head);
        if (b.Members.Count > MaxMembers)
        {
            errors["Members"] = $"Danh sách không quá {MaxMembers} thành viên.";
        }
        else if (b.Rule is { } rule && Bounds(rule) is { } bounds
                 && ((rule.MinMembers is { } min && b.Members.Count < min) || (rule.MaxMembers is { } max && b.Members.Count > max)))
        {
            errors["Members"] = $"{Label(rule.Kind)} có {bounds} ({rule.LegalBasis}); danh sách đang có {b.Members.Count} người.";
        }
        else if (heads == 0)
        {
            errors["Members"] = "Ban phải có một Trưởng ban.";
        }
        else if (heads > 1)
        {
            errors["Members"] = $"Ban chỉ có một Trưởng ban (danh sách đang ghi {heads} người).";
        }

        return errors;
    }

    /// <summary>Every error of an activity at once, by field.</summary>
    public static IReadOnlyDictionary<string, string> Check(OversightActivityFacts a, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (a.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["Kind"] = "Vui lòng chọn hình thức: kiểm tra hoặc giám sát.";
        }

        if (string.IsNullOrWhiteSpace(a.Subject))
        {
            errors["Subject"] = "Vui lòng ghi nội dung, đối tượng kiểm tra, giám sát.";
        }

        if (a.HeldOn is { } on)
        {
            if (on > today)
            {
                errors["HeldOn"] = "Ngày kiểm tra, giám sát không được sau hôm nay: chỉ ghi việc đã diễn ra.";
            }
            else if (on < a.TermFrom || on > a.TermTo)
            {
                errors["HeldOn"] = $"Ngày kiểm tra, giám sát nằm ngoài nhiệm kỳ của Ban ({Text.VietnameseText.FormatDate(a.TermFrom)}–{Text.VietnameseText.FormatDate(a.TermTo)}).";
            }
        }

        return errors;
    }

    /// <summary>
    /// The shipped bounds (facts.md §3.4, §3.6, ⚠️ from a published quiz answer key, not the decrees' text): Ban GSĐTCĐ
    /// 5–7 members; an agency's Ban TTND 3–9; a commune's Ban TTND sized by Ủy ban MTTQ xã (no bound).
    /// </summary>
    public static IReadOnlyList<OversightBoardRule> Shipped()
    {
        var from = new DateOnly(2023, 7, 1);
        return
        [
            new() { Code = "ttnd-xa", Kind = OversightBoardKind.PeopleInspection, Scope = DisclosureScope.Commune, ValidFrom = from,
                LegalBasis = "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15 và Nghị định 59/2023/NĐ-CP: số lượng thành viên do Ban Thường trực Ủy ban MTTQ Việt Nam cấp xã quyết định (cần đối chiếu nguyên văn)" },
            new() { Code = "ttnd-co-quan", Kind = OversightBoardKind.PeopleInspection, Scope = DisclosureScope.Agency, MinMembers = 3, MaxMembers = 9, ValidFrom = from,
                LegalBasis = "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Chương III; Nghị định 59/2023/NĐ-CP (3–9 thành viên theo bản tóm tắt, cần đối chiếu nguyên văn)" },
            new() { Code = "gsdtcd", Kind = OversightBoardKind.CommunityInvestment, Scope = DisclosureScope.Commune, MinMembers = 5, MaxMembers = 7, ValidFrom = from,
                LegalBasis = "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15; Nghị định 59/2023/NĐ-CP (5–7 thành viên theo bản tóm tắt, cần đối chiếu nguyên văn)" },
        ];
    }
}
