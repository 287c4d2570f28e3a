using System.Globalization;

namespace DanVan.Domain.Training;

/// <summary>A session as typed: what the rules check.</summary>
public sealed record SessionFacts(SessionKind? Kind, string? Title, DateOnly? HeldOn, SessionAudience Audience, int? AudienceSize, int? Attendees, int StaffPresent, int Documents);

/// <summary>How far a unit's staff were briefed on one document on a day: staff counted, staff present at a session on it.</summary>
public sealed record Coverage(int Staff, int Briefed)
{
    /// <summary>Whole percent, rounded down: 29 of 30 is 96 %, never 100 %.</summary>
    public int? Percent => Staff == 0 ? null : (int)((long)Briefed * 100 / Staff);

    public bool Complete => Staff > 0 && Briefed >= Staff;

    public string Text => Percent is { } p
        ? $"{Briefed.ToString(CultureInfo.InvariantCulture)}/{Staff.ToString(CultureInfo.InvariantCulture)} người ({p.ToString(CultureInfo.InvariantCulture)} %)"
        : "chưa có danh sách cán bộ";
}

/// <summary>
/// Tuyên truyền, quán triệt, tập huấn, bồi dưỡng: labels, validation, and who counts as staff on a day. Pure;
/// table-tested. The share "được học tập, quán triệt" is the unit's staff of that day who attended at least one
/// session on the document held on or before it, over the staff of that day — whole numbers, rounded down.
/// </summary>
public static class TrainingRules
{
    public const int MaxAttendees = 1_000_000;

    public static IReadOnlyList<SessionAudience> AllAudiences { get; } = Enum.GetValues<SessionAudience>().Where(a => a != SessionAudience.None).ToList();

    public static string Label(SessionKind k) => k switch
    {
        SessionKind.Briefing => "Học tập, quán triệt",
        SessionKind.Propaganda => "Tuyên truyền, phổ biến",
        SessionKind.Workshop => "Tập huấn",
        SessionKind.Course => "Bồi dưỡng",
        _ => k.ToString(),
    };

    public static string Label(SessionAudience a) => a switch
    {
        SessionAudience.Staff => "Cán bộ, công chức, viên chức",
        SessionAudience.PartyMembers => "Đảng viên",
        SessionAudience.People => "Nhân dân",
        SessionAudience.Union => "Đoàn viên, hội viên",
        SessionAudience.Students => "Học sinh, sinh viên",
        _ => a.ToString(),
    };

    public static string Labels(SessionAudience audience) => string.Join("; ", AllAudiences.Where(a => audience.HasFlag(a)).Select(Label));

    /// <summary>Whether a person is on the unit's staff on a day: joined on or before it, not yet left.</summary>
    public static bool OnStaff(DateOnly? joinedOn, DateOnly? leftOn, DateOnly day) =>
        (joinedOn is null || joinedOn <= day) && (leftOn is null || leftOn > day);

    /// <summary>Every error of a session at once, by field; empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string> Check(SessionFacts s, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (s.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["Kind"] = "Vui lòng chọn loại: học tập, quán triệt; tuyên truyền; tập huấn hoặc bồi dưỡng.";
        }
        else if (kind == SessionKind.Briefing && s.Documents == 0)
        {
            errors["DocumentIds"] = "Buổi học tập, quán triệt phải ghi văn bản được quán triệt (chọn ít nhất một văn bản).";
        }

        if (string.IsNullOrWhiteSpace(s.Title))
        {
            errors["Title"] = "Vui lòng ghi nội dung, chủ đề của buổi.";
        }

        if (s.HeldOn is { } on && on > today)
        {
            errors["HeldOn"] = "Ngày tổ chức không được sau hôm nay: chỉ ghi buổi đã diễn ra.";
        }

        if (s.Audience == SessionAudience.None || ((int)s.Audience & ~AllAudiences.Aggregate(0, (m, a) => m | (int)a)) != 0)
        {
            errors["Audience"] = "Vui lòng chọn đối tượng tham dự.";
        }

        if (s.AudienceSize is { } size && size is < 1 or > MaxAttendees)
        {
            errors["AudienceSize"] = "Số người được mời phải từ 1 đến 1.000.000 (hoặc để trống).";
        }

        if (s.Attendees is not (>= 0 and <= MaxAttendees))
        {
            errors["Attendees"] = "Số lượt người tham dự phải là số nguyên từ 0 đến 1.000.000.";
        }
        else if (s.AudienceSize is { } invited and >= 1 and <= MaxAttendees && s.Attendees > invited)
        {
            errors["Attendees"] = $"Số lượt người tham dự ({N(s.Attendees.Value)}) không thể lớn hơn số người được mời ({N(invited)}).";
        }
        else if (s.Attendees < s.StaffPresent)
        {
            errors["Attendees"] = $"Số lượt người tham dự ({N(s.Attendees.Value)}) không thể ít hơn số cán bộ của đơn vị được đánh dấu có mặt ({N(s.StaffPresent)}).";
        }

        return errors;
    }

    /// <summary>Every error of a staff member at once, by field.</summary>
    public static IReadOnlyDictionary<string, string> CheckStaff(string? fullName, DateOnly? joinedOn, DateOnly? leftOn)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(fullName))
        {
            errors["FullName"] = "Vui lòng ghi họ và tên.";
        }

        if (joinedOn is { } j && leftOn is { } l && l <= j)
        {
            errors["LeftOn"] = "Ngày thôi công tác phải sau ngày về đơn vị.";
        }

        return errors;
    }

    private static string N(int n) => n.ToString("#,0", Text.VietnameseText.Culture);
}
