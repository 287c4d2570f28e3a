namespace DanVan.Domain.Access;

/// <summary>
/// Who may see and write draft consultations (lấy ý kiến dự thảo). Pure; table-tested. A consultation is its drafting
/// unit's: that unit's staff (officers, head, the coordinator of a Sở Nội vụ) open it, handle the comments and publish
/// the synthesis; everyone whose scope covers the drafting unit follows it; each respondent unit sees the draft and
/// answers for itself (its officers, head or coordinator), and sees only its own answer.
/// </summary>
public static class ConsultationAccessRules
{
    /// <summary>The drafting unit (with its path) and the respondent units.</summary>
    public sealed record ConsultationRef(int UnitId, string UnitAncestorPath, IReadOnlyCollection<int> RespondentUnitIds);

    private static bool IsStaff(UserScope user) => user.Role is Roles.UnitOfficer or Roles.UnitHead or Roles.Coordinator;

    /// <summary>Open a consultation for a unit, handle its comments, open a follow-up round: the unit's own staff.</summary>
    public static bool CanManage(UserScope user, int unitId) => IsStaff(user) && user.UnitId == unitId;

    public static bool CanRead(UserScope user, ConsultationRef c) =>
        user.IsAdmin || user.CanSee(c.UnitAncestorPath, c.UnitId) || c.RespondentUnitIds.Contains(user.UnitId);

    /// <summary>Every respondent's answer and the synthesis: the drafting side and those above it, not the other respondents.</summary>
    public static bool CanSeeAllAnswers(UserScope user, ConsultationRef c) => user.IsAdmin || user.CanSee(c.UnitAncestorPath, c.UnitId);

    /// <summary>Answer for a respondent unit: that unit's own staff.</summary>
    public static bool CanAnswer(UserScope user, int respondentUnitId) => IsStaff(user) && user.UnitId == respondentUnitId;
}
