namespace DanVan.Domain.Access;

/// <summary>
/// Who may edit, withdraw or delete documents, plans, targets and tasks (issue 12, ADR-019). Pure; table-tested.
/// Editing follows the right to register (the owner unit's writers); withdrawing and deleting are decisions of the
/// owner unit's managers (its heads, or the coordinator of its province); a task belongs to the unit that assigned it.
/// </summary>
public static class EditAccessRules
{
    /// <summary>A document, a plan or one of its targets: whoever may register documents for the owner unit.</summary>
    public static bool CanEdit(UserScope user, string ownerAncestorPath, int ownerId) =>
        DocumentAccessRules.CanWrite(user, ownerAncestorPath, ownerId);

    /// <summary>Withdraw or delete a document, a plan or a target: the owner unit's managers.</summary>
    public static bool CanRemove(UserScope user, string ownerAncestorPath, int ownerId) =>
        user.IsAdmin || ((user.Role is Roles.Coordinator or Roles.UnitHead) && user.CanSee(ownerAncestorPath, ownerId));

    /// <summary>Edit, withdraw or delete a task: the assigning unit's managers (those who may decide on it).</summary>
    public static bool CanChangeTask(UserScope user, WorkItemAccessRules.UnitRef assignedBy) =>
        WorkItemAccessRules.CanDecide(user, assignedBy);
}
