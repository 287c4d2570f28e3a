namespace DanVan.Domain.Access;

/// <summary>
/// Who may see and run “Dân vận khéo” models. Pure; table-tested. A model is its registering unit's: its officers
/// and head register, launch and report progress. The body it registers with, and the province's coordinator and
/// reviewer, approve or return, review, recognise, commend and remove. A recognised model is readable by every
/// signed-in user of its province (so that other units can replicate it), as the public page shows it anyway.
/// </summary>
public static class ModelAccessRules
{
    /// <summary>A model as the rules see it: its unit, the body it registers with, and whether it is recognised.</summary>
    public sealed record ModelRef(int UnitId, string UnitAncestorPath, int RegisteredWithUnitId, string RegisteredWithAncestorPath, bool Recognised);

    public static bool CanRead(UserScope user, ModelRef m) =>
        user.IsAdmin
        || user.CanSee(m.UnitAncestorPath, m.UnitId)
        || user.CanSee(m.RegisteredWithAncestorPath, m.RegisteredWithUnitId)
        || (m.Recognised && SameProvince(user, m));

    /// <summary>Register a model for a unit: the unit's own officers and head.</summary>
    public static bool CanRegister(UserScope user, int unitId) =>
        user.Role is Roles.UnitOfficer or Roles.UnitHead && user.UnitId == unitId;

    /// <summary>Correct a returned registration, launch it, report progress: the registering unit's officers and head.</summary>
    public static bool CanRun(UserScope user, ModelRef m) => CanRegister(user, m.UnitId);

    /// <summary>Approve or return a registration, remove a model from the catalogue: the body it registers with, or the province's coordinator.</summary>
    public static bool CanApprove(UserScope user, ModelRef m) =>
        (user.Role is Roles.UnitHead or Roles.UnitOfficer or Roles.Coordinator or Roles.Reviewer && user.UnitId == m.RegisteredWithUnitId)
        || (user.Role == Roles.Coordinator && user.CanSee(m.UnitAncestorPath, m.UnitId));

    /// <summary>Sơ kết, đánh giá: the body registered with, the province's coordinators and reviewers (the rules refuse the model's own unit).</summary>
    public static bool CanReview(UserScope user, ModelRef m) =>
        CanApprove(user, m) || (user.Role == Roles.Reviewer && user.CanSee(m.UnitAncestorPath, m.UnitId));

    /// <summary>
    /// Công nhận, biểu dương: the province's coordinators and reviewers, the body registered with, or the head of a unit
    /// above or at the model's unit (a ward recognises its own models at the base level; the rules cap the level).
    /// </summary>
    public static bool CanRecognise(UserScope user, ModelRef m) =>
        CanReview(user, m)
        || (user.Role == Roles.UnitHead && user.CanSee(m.UnitAncestorPath, m.UnitId));

    /// <summary>Nhân rộng: the officers and head of another unit of the same province, once the model is recognised.</summary>
    public static bool CanReplicate(UserScope user, ModelRef m) =>
        user.Role is Roles.UnitOfficer or Roles.UnitHead && m.Recognised && user.UnitId != m.UnitId && SameProvince(user, m);

    /// <summary>The compliance view (every obliged unit with its models): coordinators and reviewers.</summary>
    public static bool CanSeeCompliance(UserScope user) => user.IsAdmin || Roles.HasProvinceScope(user.Role);

    private static bool SameProvince(UserScope user, ModelRef m) =>
        UserScope.ProvincePrefix(user.UnitAncestorPath, user.UnitId) == UserScope.ProvincePrefix(m.UnitAncestorPath, m.UnitId);
}
