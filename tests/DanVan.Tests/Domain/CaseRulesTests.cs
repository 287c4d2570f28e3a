using DanVan.Domain.Calendar;
using DanVan.Domain.Cases;
using DanVan.Domain.Deadlines;

namespace DanVan.Tests.Domain;

/// <summary>The steps of a case and the clock rule that times each, as a table.</summary>
public class CaseRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static CaseFacts Facts(CaseKind kind, CaseState state, bool competent = true, DateOnly? accepted = null, bool transferred = false) => new()
    {
        Kind = kind,
        State = state,
        ReceivedOn = new DateOnly(2026, 6, 1),
        AcceptedOn = accepted,
        WithinCompetence = competent,
        SameContentAlreadyTransferred = transferred,
        LastStepOn = accepted ?? new DateOnly(2026, 6, 1),
    };

    private static CaseCommand Cmd(CaseAction a, string on = "2026-06-10", string? reason = null, bool signed = false, int? days = null, string? to = null) =>
        new() { Action = a, On = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Reason = reason, Signed = signed, Days = days, ToBody = to };

    public static TheoryData<CaseKind, CaseState, bool, CaseAction, string?, CaseState?, string?> Steps => new()
    {
        // kind, state, within competence, action, reason, expected state (null: refused), the error's words
        { CaseKind.Complaint, CaseState.Received, true, CaseAction.Accept, null, CaseState.Accepted, null },
        { CaseKind.Complaint, CaseState.Received, false, CaseAction.Accept, null, null, "không thuộc thẩm quyền" },
        { CaseKind.Complaint, CaseState.Received, false, CaseAction.Guide, "Tòa án nhân dân khu vực 1", CaseState.Guided, null },
        { CaseKind.Complaint, CaseState.Received, false, CaseAction.Guide, null, null, "nội dung hướng dẫn" },
        { CaseKind.Denunciation, CaseState.Received, false, CaseAction.Guide, "x", null, "phải được chuyển" },
        { CaseKind.Complaint, CaseState.Received, true, CaseAction.Refuse, null, null, "lý do không thụ lý" },
        { CaseKind.Complaint, CaseState.Received, true, CaseAction.Refuse, "Quá thời hiệu", CaseState.NotAccepted, null },
        { CaseKind.Petition, CaseState.Received, true, CaseAction.Archive, "Đơn không ký tên", CaseState.Archived, null },
        { CaseKind.Complaint, CaseState.Accepted, true, CaseAction.Extend, null, null, "Chỉ thời hạn giải quyết tố cáo" },
        { CaseKind.Complaint, CaseState.Accepted, true, CaseAction.Suspend, "Chờ kết quả giám định", CaseState.Suspended, null },
        { CaseKind.Complaint, CaseState.Accepted, true, CaseAction.MarkComplex, null, null, "vì sao vụ việc phức tạp" },
        { CaseKind.Complaint, CaseState.Accepted, true, CaseAction.MarkComplex, "Nhiều hộ cùng khiếu nại", CaseState.Accepted, null },
        { CaseKind.Petition, CaseState.Accepted, true, CaseAction.MarkComplex, "x", null, "Không thể «Xác định vụ việc phức tạp»" },
        { CaseKind.Complaint, CaseState.Suspended, true, CaseAction.Resume, null, CaseState.Accepted, null },
        { CaseKind.Complaint, CaseState.Suspended, true, CaseAction.Resolve, null, null, "Không thể «Ban hành kết quả giải quyết»" },
        { CaseKind.Complaint, CaseState.Resolved, true, CaseAction.Withdraw, null, null, "đã kết thúc" },
        { CaseKind.Denunciation, CaseState.Transferred, false, CaseAction.Transfer, null, null, "đã kết thúc" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Steps_FollowTheProcedure(CaseKind kind, CaseState state, bool competent, CaseAction action, string? reason, CaseState? expected, string? error)
    {
        var outcome = CaseRules.Check(Facts(kind, state, competent, accepted: state is CaseState.Accepted or CaseState.Suspended ? new DateOnly(2026, 6, 5) : null),
            Cmd(action, reason: reason), Today);
        Assert.Equal(expected, outcome.NewState);
        if (error is not null)
        {
            Assert.Contains(error, string.Join(" ", outcome.Errors.Values), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BadInput_IsRefusedWithEveryReasonAtOnce()
    {
        var accepted = Facts(CaseKind.Complaint, CaseState.Accepted, accepted: new DateOnly(2026, 6, 5));
        var early = CaseRules.Check(accepted, Cmd(CaseAction.Resolve, on: "2026-06-03"), Today);
        Assert.Contains("không được trước ngày thụ lý (05/06/2026)", early.Errors["On"], StringComparison.Ordinal);

        var future = CaseRules.Check(accepted, Cmd(CaseAction.Resolve, on: "2026-06-16"), Today);
        Assert.Contains("chưa đến", future.Errors["On"], StringComparison.Ordinal);

        var unsigned = CaseRules.Check(accepted, Cmd(CaseAction.Withdraw), Today);
        Assert.Contains("chữ ký hoặc điểm chỉ", unsigned.Errors["Signed"], StringComparison.Ordinal);
        Assert.Equal(CaseState.Withdrawn, CaseRules.Check(accepted, Cmd(CaseAction.Withdraw, signed: true), Today).NewState);

        var second = CaseRules.Check(Facts(CaseKind.Denunciation, CaseState.Received, competent: false, transferred: true), Cmd(CaseAction.Transfer), Today);
        Assert.Contains("đã được chuyển một lần", second.Errors[""], StringComparison.Ordinal);
        Assert.Contains("cơ quan, đơn vị nhận", second.Errors["ToBody"], StringComparison.Ordinal);
        Assert.Equal(CaseState.Transferred,
            CaseRules.Check(Facts(CaseKind.Denunciation, CaseState.Received, competent: false), Cmd(CaseAction.Transfer, to: "Thanh tra tỉnh"), Today).NewState);

        var extendNoDays = CaseRules.Check(Facts(CaseKind.Denunciation, CaseState.Accepted, accepted: new DateOnly(2026, 6, 5)), Cmd(CaseAction.Extend), Today);
        Assert.Contains("số ngày gia hạn", extendNoDays.Errors["Days"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheClock_TimesEachStep_WithTheCasesConditions_ExtensionsAndSuspensions()
    {
        var calendar = new WorkingCalendar(PublicHolidays.DefaultsFor(2026));
        var rules = ShippedRules.All();
        DateOnly Due(CaseFacts f)
        {
            var (code, request) = CaseRules.CurrentDeadline(f, Today)!.Value;
            return StatutoryClock.Compute(StatutoryClock.RuleFor(rules, code, request.From)!, request, calendar).Value!.Date;
        }

        // Received 1/6: a complaint is accepted within 10 days (11/6), a denunciation handled within 7 working days (10/6).
        Assert.Equal("khieu-nai-lan-dau-thu-ly", CaseRules.CurrentDeadline(Facts(CaseKind.Complaint, CaseState.Received), Today)!.Value.Rule);
        Assert.Equal(new DateOnly(2026, 6, 11), Due(Facts(CaseKind.Complaint, CaseState.Received)));
        Assert.Equal(new DateOnly(2026, 6, 10), Due(Facts(CaseKind.Denunciation, CaseState.Received)));
        Assert.Equal("to-cao-chuyen-don", CaseRules.CurrentDeadline(Facts(CaseKind.Denunciation, CaseState.Received, competent: false), Today)!.Value.Rule);

        // Accepted 5/6, complicated: 45 days → 20/7; a denunciation extended once by 30: 30 + 30 → 4/8.
        var complaint = Facts(CaseKind.Complaint, CaseState.Accepted, accepted: new DateOnly(2026, 6, 5)) with { Conditions = DeadlineConditions.Complex };
        Assert.Equal(new DateOnly(2026, 7, 20), Due(complaint));
        var denunciation = Facts(CaseKind.Denunciation, CaseState.Accepted, accepted: new DateOnly(2026, 6, 5)) with
        {
            Conditions = DeadlineConditions.Complex, Extensions = [30],
        };
        Assert.Equal(new DateOnly(2026, 8, 4), Due(denunciation));

        // Suspended since 10/6 (today 15/6): six days not counted so far, the date moves on as the days pass.
        var suspended = Facts(CaseKind.Complaint, CaseState.Suspended, accepted: new DateOnly(2026, 6, 5)) with { SuspendedSince = new DateOnly(2026, 6, 10) };
        Assert.Equal(new DateOnly(2026, 7, 13), Due(suspended)); // 5/7 (Sunday) + 6 = 11/7 (Saturday) → Monday 13/7

        // A petition once accepted has no statutory resolution period; a final case has nothing due.
        Assert.Null(CaseRules.CurrentDeadline(Facts(CaseKind.Petition, CaseState.Accepted, accepted: new DateOnly(2026, 6, 5)), Today));
        Assert.Null(CaseRules.CurrentDeadline(Facts(CaseKind.Complaint, CaseState.Resolved), Today));
        Assert.Empty(CaseRules.Allowed(Facts(CaseKind.Complaint, CaseState.Withdrawn)));
    }
}
