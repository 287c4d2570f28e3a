using DanVan.Domain.Access;

namespace DanVan.Tests.Domain.Models;

/// <summary>
/// The tree used here: 1 Việt Nam / 10 Tỉnh A / 11 Sở Nội vụ A, 14 Ban Tuyên giáo và Dân vận A, 13 Phường A1, 15 Phường A2 ;
/// 20 Tỉnh B / 21 Xã B1. The model is Phường A1's, registered with Ban Tuyên giáo và Dân vận A.
/// </summary>
public class ModelAccessRulesTests
{
    private static readonly Dictionary<int, string> Paths = new()
    {
        [1] = "/", [10] = "/1/", [11] = "/1/10/", [13] = "/1/10/", [14] = "/1/10/", [15] = "/1/10/", [20] = "/1/", [21] = "/1/20/",
    };

    private static UserScope User(string role, int unit) => UserScope.For("u", "u", role, unit, Paths[unit]);

    private static ModelAccessRules.ModelRef Model(bool recognised) => new(13, Paths[13], 14, Paths[14], recognised);

    public enum Op
    {
        Read,
        Register,
        Run,
        Approve,
        Review,
        Recognise,
        Replicate,
    }

    public static TheoryData<string, int, Op, bool, bool> Rows => new()
    {
        // role, user's unit, operation, model recognised, allowed
        { Roles.UnitOfficer, 13, Op.Read, false, true },
        { Roles.UnitOfficer, 13, Op.Register, false, true },
        { Roles.UnitOfficer, 13, Op.Run, false, true },
        { Roles.UnitOfficer, 13, Op.Approve, false, false },
        { Roles.UnitHead, 13, Op.Approve, false, false },           // a unit does not approve its own registration
        { Roles.UnitHead, 13, Op.Recognise, false, true },          // at base level only (the rules cap the level)
        { Roles.UnitOfficer, 13, Op.Replicate, true, false },       // not its own model
        { Roles.ReadOnly, 13, Op.Read, false, true },
        { Roles.ReadOnly, 13, Op.Run, false, false },
        { Roles.UnitOfficer, 15, Op.Read, false, false },           // another ward: not before recognition
        { Roles.UnitOfficer, 15, Op.Read, true, true },             // … but once recognised, to replicate it
        { Roles.UnitOfficer, 15, Op.Replicate, true, true },
        { Roles.UnitOfficer, 15, Op.Replicate, false, false },
        { Roles.UnitHead, 15, Op.Recognise, true, false },
        { Roles.UnitOfficer, 15, Op.Run, true, false },
        { Roles.Coordinator, 11, Op.Read, false, true },
        { Roles.Coordinator, 11, Op.Approve, false, true },
        { Roles.Coordinator, 11, Op.Review, false, true },
        { Roles.Coordinator, 11, Op.Recognise, false, true },
        { Roles.Coordinator, 11, Op.Run, false, false },
        { Roles.Coordinator, 11, Op.Replicate, true, false },
        { Roles.Reviewer, 14, Op.Approve, false, true },            // the body registered with
        { Roles.Reviewer, 11, Op.Approve, false, false },           // a reviewer elsewhere reviews, does not approve
        { Roles.Reviewer, 11, Op.Review, false, true },
        { Roles.Reviewer, 11, Op.Recognise, false, true },
        { Roles.UnitOfficer, 14, Op.Approve, false, true },         // the officer of the body registered with
        { Roles.UnitOfficer, 21, Op.Read, true, false },            // another province: never, recognised or not
        { Roles.UnitOfficer, 21, Op.Replicate, true, false },
        { Roles.Coordinator, 21, Op.Read, false, false },
        { Roles.Coordinator, 21, Op.Approve, false, false },
        { Roles.Reviewer, 21, Op.Review, false, false },
        { Roles.Admin, 1, Op.Read, false, true },
        { Roles.Admin, 1, Op.Approve, false, false },               // administrators keep the system, not the movement
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Rules_FollowTheTable(string role, int unit, Op op, bool recognised, bool allowed)
    {
        var user = User(role, unit);
        var model = Model(recognised);
        var actual = op switch
        {
            Op.Read => ModelAccessRules.CanRead(user, model),
            Op.Register => ModelAccessRules.CanRegister(user, 13),
            Op.Run => ModelAccessRules.CanRun(user, model),
            Op.Approve => ModelAccessRules.CanApprove(user, model),
            Op.Review => ModelAccessRules.CanReview(user, model),
            Op.Recognise => ModelAccessRules.CanRecognise(user, model),
            _ => ModelAccessRules.CanReplicate(user, model),
        };
        Assert.Equal(allowed, actual);
    }

    [Theory]
    [InlineData(Roles.Coordinator, 11, true)]
    [InlineData(Roles.Reviewer, 14, true)]
    [InlineData(Roles.UnitHead, 13, false)]
    [InlineData(Roles.Admin, 1, true)]
    public void Compliance_IsForTheProvincesCoordinatorsAndReviewers(string role, int unit, bool allowed) =>
        Assert.Equal(allowed, ModelAccessRules.CanSeeCompliance(User(role, unit)));
}
