namespace DanVan.Domain.WorkItems;

/// <summary>Settings of the daily follow-up (đôn đốc): all configurable.</summary>
public sealed record FollowUpSettings(IReadOnlyList<int> RemindDaysBefore, int EscalateAfterDays)
{
    public static readonly FollowUpSettings Default = new([7, 3, 1], 3);
}

public enum DigestReason
{
    DueSoon = 1,
    Overdue = 2,
    Escalated = 3,
}

public sealed record DigestDeadline(int DeadlineId, string Title, int LeadUnitId, string LeadUnitName, DateOnly DueOn);

public sealed record DigestLine(DigestDeadline Deadline, DigestReason Reason, int Days);

/// <summary>
/// Who is reminded of what today. Pure. An open deadline is reminded to the lead unit's officers on each of the
/// configured days before it falls due, and every day once overdue; after <see cref="FollowUpSettings.EscalateAfterDays"/>
/// days overdue it also goes to the unit's heads. A unit without officers has its heads reminded from the start.
/// </summary>
public static class DigestPlanner
{
    public sealed record Recipient(string UserId, int UnitId, bool IsHead);

    public static Dictionary<string, List<DigestLine>> Plan(
        DateOnly today, IEnumerable<DigestDeadline> openDeadlines, IReadOnlyList<Recipient> recipients, FollowUpSettings settings)
    {
        var byUnit = recipients.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.ToList());
        var result = new Dictionary<string, List<DigestLine>>();
        foreach (var d in openDeadlines)
        {
            var daysLeft = d.DueOn.DayNumber - today.DayNumber;
            DigestLine? line = daysLeft switch
            {
                < 0 => new DigestLine(d, -daysLeft >= settings.EscalateAfterDays ? DigestReason.Escalated : DigestReason.Overdue, -daysLeft),
                _ when settings.RemindDaysBefore.Contains(daysLeft) => new DigestLine(d, DigestReason.DueSoon, daysLeft),
                _ => null,
            };
            if (line is null || !byUnit.TryGetValue(d.LeadUnitId, out var staff))
            {
                continue;
            }

            var hasOfficers = staff.Any(s => !s.IsHead);
            foreach (var person in staff.Where(s => !s.IsHead || line.Reason == DigestReason.Escalated || !hasOfficers))
            {
                if (!result.TryGetValue(person.UserId, out var lines))
                {
                    result[person.UserId] = lines = [];
                }

                lines.Add(line);
            }
        }

        foreach (var lines in result.Values)
        {
            lines.Sort((a, b) => a.Deadline.DueOn.CompareTo(b.Deadline.DueOn));
        }

        return result;
    }

    public static string Describe(DigestLine line) => line.Reason switch
    {
        DigestReason.DueSoon => $"còn {line.Days} ngày (hạn {line.Deadline.DueOn:dd/MM/yyyy})",
        DigestReason.Overdue => $"quá hạn {line.Days} ngày (hạn {line.Deadline.DueOn:dd/MM/yyyy})",
        _ => $"quá hạn {line.Days} ngày, báo lãnh đạo đơn vị (hạn {line.Deadline.DueOn:dd/MM/yyyy})",
    };
}
