namespace DanVan.Domain.Training;

/// <summary>What a session was (quán triệt, tuyên truyền, tập huấn, bồi dưỡng): the words reports and plans use.</summary>
public enum SessionKind
{
    /// <summary>Học tập, quán triệt văn bản (nghị quyết, chỉ thị, kế hoạch) for the unit's staff.</summary>
    Briefing = 1,

    /// <summary>Tuyên truyền, phổ biến to the people or the staff.</summary>
    Propaganda = 2,

    /// <summary>Tập huấn nghiệp vụ.</summary>
    Workshop = 3,

    /// <summary>Bồi dưỡng (a course of several days).</summary>
    Course = 4,
}

/// <summary>Who a session was for; several may apply.</summary>
[Flags]
public enum SessionAudience
{
    None = 0,
    Staff = 1,
    PartyMembers = 2,
    People = 4,
    Union = 8,
    Students = 16,
}

/// <summary>
/// A cán bộ, công chức, viên chức, người lao động of a unit: the roster that "100 % được quán triệt" is measured
/// against. Who joined and who left, with dates, so the share is counted on a day over the staff of that day.
/// </summary>
public class StaffMember
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public string FullName { get; set; } = "";

    public string? Position { get; set; }

    /// <summary>The day the person joined the unit (null: before DanVan kept the roster).</summary>
    public DateOnly? JoinedOn { get; set; }

    /// <summary>The day the person left (retired, moved): not counted from that day on.</summary>
    public DateOnly? LeftOn { get; set; }

    public string SearchText { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>
/// Một buổi (cuộc) tuyên truyền, quán triệt, tập huấn, bồi dưỡng of a unit: when, what for, which documents it
/// covered, for whom, how many attended (lượt người) and which of the unit's own staff were there.
/// </summary>
public class TrainingSession
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public SessionKind Kind { get; set; }

    public string Title { get; set; } = "";

    public DateOnly HeldOn { get; set; }

    public string? Place { get; set; }

    public SessionAudience Audience { get; set; }

    /// <summary>People invited or expected (optional); attendance never exceeds it.</summary>
    public int? AudienceSize { get; set; }

    /// <summary>Lượt người tham dự, the unit's own staff included.</summary>
    public int Attendees { get; set; }

    public string? Note { get; set; }

    public string SearchText { get; set; } = "";

    public string RecordedByUserName { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>A document of the register that a session covered (quán triệt văn bản X).</summary>
public class TrainingSessionDocument
{
    public int SessionId { get; set; }

    public int DocumentId { get; set; }
}

/// <summary>One of the unit's staff present at a session.</summary>
public class TrainingAttendance
{
    public int SessionId { get; set; }

    public int StaffMemberId { get; set; }
}
