namespace DanVan.Domain.Access;

/// <summary>
/// Who may see and write dialogues with the people (đối thoại). Pure; table-tested. A dialogue is its unit's: the
/// unit's officers and head plan, announce and record it; everyone whose scope covers the unit follows it; a unit that
/// owns one of its commitments sees it too and closes its own commitments. Speakers' names are for the unit's staff.
/// </summary>
public static class DialogueAccessRules
{
    /// <summary>The dialogue's unit (with its path) and the units owning its commitments.</summary>
    public sealed record DialogueRef(int UnitId, string UnitAncestorPath, IReadOnlyCollection<int> CommitmentOwnerUnitIds);

    public static bool CanRead(UserScope user, DialogueRef d) =>
        user.IsAdmin || user.CanSee(d.UnitAncestorPath, d.UnitId) || d.CommitmentOwnerUnitIds.Contains(user.UnitId);

    /// <summary>Plan, announce, record, publish: the unit's own officers and head.</summary>
    public static bool CanManage(UserScope user, int unitId) =>
        user.Role is Roles.UnitOfficer or Roles.UnitHead && user.UnitId == unitId;

    /// <summary>Mark a commitment done: the owner unit's staff, or the dialogue unit's staff who follow it.</summary>
    public static bool CanCloseCommitment(UserScope user, int dialogueUnitId, int ownerUnitId) =>
        user.Role is Roles.UnitOfficer or Roles.UnitHead && (user.UnitId == ownerUnitId || user.UnitId == dialogueUnitId);

    /// <summary>Who raised an opinion (personal data): the dialogue unit's staff only.</summary>
    public static bool CanSeeSpeakers(UserScope user, int unitId) => CanManage(user, unitId);
}
