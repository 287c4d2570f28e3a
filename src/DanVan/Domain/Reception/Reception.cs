using DanVan.Domain.Units;

namespace DanVan.Domain.Reception;

/// <summary>Hình thức tiếp công dân (facts.md §2.1): định kỳ by the head, thường xuyên by staff, đột xuất.</summary>
public enum ReceptionKind
{
    /// <summary>Định kỳ: the head's own day of reception, the duty of Luật Tiếp công dân.</summary>
    Periodic = 1,

    /// <summary>Thường xuyên: the reception desk, every working day.</summary>
    Routine = 2,

    /// <summary>Đột xuất: Art. 18(3) — a complicated matter, many people, a risk to order.</summary>
    AdHoc = 3,
}

public enum ReceptionState
{
    /// <summary>Đã lên lịch (published on the schedule).</summary>
    Scheduled = 1,

    /// <summary>Đã tiếp: the session was held and its log recorded.</summary>
    Held = 2,

    /// <summary>Không tiếp: cancelled or not held, with the reason.</summary>
    NotHeld = 3,
}

public enum DutyPeriod
{
    Week = 1,
    Month = 2,
}

/// <summary>
/// A head's duty of periodic reception (Luật Tiếp công dân Art. 12–15, 18; facts.md §2.1): who, for which kinds of
/// unit, how many days per week or month. Data with its basis and validity, editable when the law changes.
/// </summary>
public class ReceptionDuty
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    /// <summary>Người có trách nhiệm, e.g. "Chủ tịch UBND cấp xã".</summary>
    public string Holder { get; set; } = "";

    /// <summary>The unit kinds it applies to, comma-separated <see cref="OrgUnitKind"/> numbers.</summary>
    public string UnitKinds { get; set; } = "";

    public int Minimum { get; set; }

    public DutyPeriod Per { get; set; }

    public string Basis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public IReadOnlyList<OrgUnitKind> Kinds() =>
        UnitKinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => (OrgUnitKind)int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public bool AppliesOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

/// <summary>Một buổi tiếp công dân: on the schedule first (lịch tiếp công dân, public), then its log (sổ tiếp công dân).</summary>
public class ReceptionSession
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public ReceptionKind Kind { get; set; }

    public ReceptionState State { get; set; } = ReceptionState.Scheduled;

    public DateOnly On { get; set; }

    /// <summary>Thời gian, as the schedule prints it ("07h30 – 11h00").</summary>
    public string? Time { get; set; }

    public string Place { get; set; } = "";

    /// <summary>Người chủ trì tiếp (name as published on the schedule).</summary>
    public string HostName { get; set; } = "";

    /// <summary>Chức vụ ("Chủ tịch UBND phường").</summary>
    public string HostPost { get; set; } = "";

    /// <summary>Lượt công dân được tiếp (after the session).</summary>
    public int? CitizensReceived { get; set; }

    /// <summary>Đoàn đông người (≥ 5 people with one content).</summary>
    public int? Groups { get; set; }

    /// <summary>Người đại diện of the groups: citizens' personal data, for the unit's own staff.</summary>
    public string? GroupRepresentatives { get; set; }

    /// <summary>Nội dung công dân trình bày (summary, without personal data).</summary>
    public string? Matters { get; set; }

    /// <summary>Thông báo kết luận: what the head concluded and who does what by when.</summary>
    public string? Conclusion { get; set; }

    public string? NotHeldReason { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string? RecordedBy { get; set; }

    public DateTime? RecordedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>The reception rules: labels, the shipped duties, what a schedule and a log must carry, who missed a duty.</summary>
public static class ReceptionRules
{
    public static string Label(ReceptionKind kind) => kind switch
    {
        ReceptionKind.Periodic => "Định kỳ",
        ReceptionKind.Routine => "Thường xuyên",
        ReceptionKind.AdHoc => "Đột xuất",
        _ => kind.ToString(),
    };

    public static string Label(ReceptionState state) => state switch
    {
        ReceptionState.Scheduled => "Đã lên lịch",
        ReceptionState.Held => "Đã tiếp",
        ReceptionState.NotHeld => "Không tiếp",
        _ => state.ToString(),
    };

    public static string Label(DutyPeriod per) => per == DutyPeriod.Week ? "tuần" : "tháng";

    /// <summary>The duties as the law stood when this was written (facts.md §2.1, all ✅); seeded once, then data.</summary>
    public static IReadOnlyList<ReceptionDuty> Shipped() =>
    [
        new()
        {
            Code = "chu-tich-ubnd-tinh", Holder = "Chủ tịch UBND cấp tỉnh", Minimum = 1, Per = DutyPeriod.Month,
            UnitKinds = Kinds(OrgUnitKind.Province), Basis = "Khoản 5 Điều 12 Luật Tiếp công dân 42/2013/QH13", ValidFrom = new DateOnly(2014, 7, 1),
        },
        new()
        {
            Code = "chu-tich-ubnd-xa", Holder = "Chủ tịch UBND cấp xã", Minimum = 1, Per = DutyPeriod.Week,
            UnitKinds = Kinds(OrgUnitKind.Commune, OrgUnitKind.Ward, OrgUnitKind.SpecialZone),
            Basis = "Khoản 2 Điều 15 Luật Tiếp công dân 42/2013/QH13 (tại trụ sở UBND xã)", ValidFrom = new DateOnly(2014, 7, 1),
        },
        new()
        {
            Code = "thu-truong-co-quan", Holder = "Thủ trưởng cơ quan hành chính nhà nước (Giám đốc Sở…)", Minimum = 1, Per = DutyPeriod.Month,
            UnitKinds = Kinds(OrgUnitKind.Department, OrgUnitKind.Inspectorate),
            Basis = "Khoản 2 Điều 18 Luật Tiếp công dân 42/2013/QH13; khoản 2 Điều 4 Nghị định 64/2014/NĐ-CP", ValidFrom = new DateOnly(2014, 7, 1),
        },
    ];

    private static string Kinds(params OrgUnitKind[] kinds) => string.Join(',', kinds.Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The duty of a unit of this kind on a day, if any.</summary>
    public static ReceptionDuty? DutyOf(IEnumerable<ReceptionDuty> duties, OrgUnitKind kind, DateOnly day) =>
        duties.Where(d => d.AppliesOn(day) && d.Kinds().Contains(kind)).OrderByDescending(d => d.ValidFrom).FirstOrDefault();

    /// <summary>
    /// The duty's periods (Monday–Sunday weeks, or calendar months) that end within [from, to] — a week still under way
    /// is not judged yet — each with whether enough periodic sessions were held in it.
    /// </summary>
    public static IReadOnlyList<DutyPeriodResult> Check(ReceptionDuty duty, IReadOnlyCollection<DateOnly> heldPeriodic, DateOnly from, DateOnly to, DateOnly today)
    {
        var results = new List<DutyPeriodResult>();
        var start = duty.Per == DutyPeriod.Week ? from.AddDays(-(((int)from.DayOfWeek + 6) % 7)) : new DateOnly(from.Year, from.Month, 1);
        while (start <= to)
        {
            var end = duty.Per == DutyPeriod.Week ? start.AddDays(6) : start.AddMonths(1).AddDays(-1);
            if (end >= from && end <= to && end < today)
            {
                var held = heldPeriodic.Count(d => d >= start && d <= end);
                results.Add(new DutyPeriodResult(start, end, held, duty.Minimum, held >= duty.Minimum));
            }

            start = end.AddDays(1);
        }

        return results;
    }

    /// <summary>What a session's log must say; every error at once, keyed by field.</summary>
    public static Dictionary<string, string> CheckLog(ReceptionSession session, DateOnly today, int? citizens, int? groups, string? representatives, string? matters)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (session.State == ReceptionState.NotHeld)
        {
            errors[""] = "Buổi tiếp này đã được ghi là không tiếp: không ghi sổ được cho buổi không diễn ra.";
            return errors;
        }

        if (session.On > today)
        {
            errors[""] = $"Buổi tiếp ngày {Text.VietnameseText.FormatDate(session.On)} chưa diễn ra: chỉ ghi sổ sau khi tiếp.";
            return errors;
        }

        if (citizens is null or < 0 or > 100_000)
        {
            errors["CitizensReceived"] = "Số lượt công dân được tiếp phải là số từ 0 đến 100.000.";
        }

        if (groups is < 0 or > 1_000)
        {
            errors["Groups"] = "Số đoàn đông người phải từ 0 đến 1.000.";
        }
        else if (groups > 0 && string.IsNullOrWhiteSpace(representatives))
        {
            errors["GroupRepresentatives"] = "Có đoàn đông người: ghi người đại diện của từng đoàn (Điều 30 Luật Tiếp công dân).";
        }
        else if (groups is { } g && citizens is { } c && g * 5 > c)
        {
            errors["Groups"] = $"{g} đoàn đông người (mỗi đoàn từ 5 người) cần ít nhất {g * 5} lượt công dân được tiếp.";
        }

        if (citizens > 0 && string.IsNullOrWhiteSpace(matters))
        {
            errors["Matters"] = "Ghi tóm tắt nội dung công dân trình bày.";
        }

        return errors;
    }
}

public sealed record DutyPeriodResult(DateOnly From, DateOnly To, int Held, int Required, bool Met);
