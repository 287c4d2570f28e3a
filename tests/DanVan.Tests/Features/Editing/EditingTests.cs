using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Editing;
using DanVan.Domain.Units;
using DanVan.Domain.WorkItems;
using DanVan.Features.Calendar;
using DanVan.Features.Documents;
using DanVan.Features.Editing;
using DanVan.Features.Plans;
using DanVan.Features.Tasks;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using DanVan.Testing;

namespace DanVan.Tests.Features.Editing;

/// <summary>Issue 12, "editing with history": edit, withdraw and delete of documents, plans, targets and tasks, on the engine under test.</summary>
public class EditingTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private static readonly IConfiguration Config = new ConfigurationBuilder().Build();

    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string Errors<T>(Result<T> r) => string.Join(" ", r.Errors.SelectMany(e => e.Value));

    private static string N() => UniqueNumber.Text();

    private static DocumentFields Fields(string code, string title, string issuer = "Ủy ban nhân dân tỉnh Tây Ninh") =>
        new(code, issuer, "Tây Ninh", new DateOnly(2026, 3, 12), title, "KT.", "Phó Chủ tịch", "Nguyễn Văn A", "- Sở Nội vụ;\n- Lưu: VT.");

    private async Task<(int DocumentId, int PlanId, int[] TargetIds)> PlanAsync(string actor, string? targets = null, bool requiresAdoption = false)
    {
        var scope = await fx.ScopeOfAsync(actor);
        await using var db = fx.Context(actor);
        var documents = new DocumentCommands(db, TimeProvider.System, Config);
        var f = Fields($"{N()}/KH-UBND", "Kế hoạch thực hiện công tác dân vận chính quyền " + N());
        var doc = await documents.RegisterAsync(scope, new RegisterDocumentCommand(
            await fx.UnitIdAsync("80"), f.Code, f.IssuerName, null, f.Place, f.IssuedOn, f.Title, f.SignerAuthority, f.SignerPosition, f.SignerName, f.Recipients, [], null));
        Assert.True(doc.IsOk, Errors(doc));
        var plan = await new PlanCommands(db, TimeProvider.System, documents).CreateAsync(scope, new CreatePlanCommand(
            doc.Value!.Id, "Nâng cao hiệu quả công tác dân vận.", "II. NỘI DUNG", targets,
            requiresAdoption, requiresAdoption ? Today.AddDays(30) : null, requiresAdoption ? [OrgUnitKind.Ward] : null));
        Assert.True(plan.IsOk, Errors(plan));
        var targetIds = await db.PlanTargets.Where(t => t.PlanId == plan.Value!.Id).OrderBy(t => t.Id).Select(t => t.Id).ToArrayAsync();
        return (doc.Value.Id, plan.Value!.Id, targetIds);
    }

    private async Task<int> DocumentAsync(string actor = "dieuphoi", int? ownerUnitId = null)
    {
        var scope = await fx.ScopeOfAsync(actor);
        await using var db = fx.Context(actor);
        var f = Fields($"{N()}/CV-UBND", "Về việc triển khai công tác dân vận " + N());
        var doc = await new DocumentCommands(db, TimeProvider.System, Config).RegisterAsync(scope, new RegisterDocumentCommand(
            ownerUnitId, f.Code, f.IssuerName, null, f.Place, f.IssuedOn, f.Title, f.SignerAuthority, f.SignerPosition, f.SignerName, f.Recipients, [], null));
        Assert.True(doc.IsOk, Errors(doc));
        return doc.Value!.Id;
    }

    private async Task<int> TaskAsync(int? sourceDocumentId = null)
    {
        var scope = await fx.ScopeOfAsync("dieuphoi");
        await using var db = fx.Context("dieuphoi");
        var created = await new WorkItemCommands(db, new CalendarCommands(db), TimeProvider.System).CreateAsync(scope, new CreateWorkItemCommand(
            "Tổ chức hội nghị đối thoại với Nhân dân " + N(), "Mỗi phường một hội nghị.", null, await fx.UnitIdAsync("25459"), [], sourceDocumentId,
            Schedule.Once(Today.AddDays(20)), null, null));
        Assert.True(created.IsOk, Errors(created));
        return await db.WorkItemDeadlines.Where(d => d.WorkItemId == created.Value!.Id).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task EditingADocument_KeepsThePreviousVersionViewable_AndIsAudited()
    {
        var id = await DocumentAsync();
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        string oldTitle;
        await using (var db = fx.Context("dieuphoi"))
        {
            var doc = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
            oldTitle = doc.Title;
            var edited = await new DocumentEditing(db, TimeProvider.System).EditAsync(coordinator, id, new EditDocumentCommand(1,
                Fields(doc.Code, "Về việc tăng cường công tác dân vận năm 2026"), "Sửa trích yếu theo bản ký"));
            Assert.True(edited.IsOk, Errors(edited));
            Assert.Equal(2, edited.Value!.Version);
        }

        await using var check = fx.Context();
        var version = await check.RecordVersions.SingleAsync(v => v.Kind == RecordKind.Document && v.RecordId == id);
        Assert.Equal(1, version.Version);
        Assert.Equal("dieuphoi", version.ReplacedBy);
        Assert.Equal("Sửa trích yếu theo bản ký", version.Reason);
        Assert.Equal(oldTitle, Versions.Read(version)["Title"]);
        Assert.Equal("12/03/2026", Versions.Display("IssuedOn", Versions.Read(version)["IssuedOn"]));
        Assert.Equal("Về việc tăng cường công tác dân vận năm 2026", (await check.Documents.SingleAsync(d => d.Id == id)).Title);
        var audit = await check.AuditEntries.Where(a => a.EntityType == "Document" && a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.Action == "update").SingleAsync();
        Assert.Contains(oldTitle, audit.Changes, StringComparison.Ordinal);
        Assert.Contains("tăng cường", audit.Changes, StringComparison.Ordinal);
        Assert.Equal("dieuphoi", audit.UserName);
    }

    [Fact]
    public async Task AStaleForm_IsRefusedInVietnamese_AndAllFieldErrorsComeAtOnce()
    {
        var id = await DocumentAsync();
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using var db = fx.Context("dieuphoi");
        var code = (await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id)).Code;
        var editing = new DocumentEditing(db, TimeProvider.System);
        Assert.True((await editing.EditAsync(coordinator, id, new EditDocumentCommand(1, Fields(code, "Bản sửa thứ nhất"), null))).IsOk);
        db.ChangeTracker.Clear();
        var stale = await editing.EditAsync(coordinator, id, new EditDocumentCommand(1, Fields(code, "Bản sửa mở từ trước"), null));
        Assert.Equal(ResultStatus.Invalid, stale.Status);
        Assert.Contains("vừa được người khác sửa", Errors(stale), StringComparison.Ordinal);

        db.ChangeTracker.Clear();
        var bad = await editing.EditAsync(coordinator, id, new EditDocumentCommand(2, Fields("không-phải-số", "") with { IssuerName = " " }, new string('x', 2001)));
        Assert.Equal(ResultStatus.Invalid, bad.Status);
        Assert.True(bad.Errors.ContainsKey("Code") && bad.Errors.ContainsKey("Title") && bad.Errors.ContainsKey("IssuerName") && bad.Errors.ContainsKey("Reason"), Errors(bad));
    }

    [Fact]
    public async Task ADocumentWithAPlan_CannotBeDeleted_OnlyWithdrawnWithAReason_AndStaysVisibleMarked()
    {
        var (documentId, planId, _) = await PlanAsync("dieuphoi");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using var db = fx.Context("dieuphoi");
        var editing = new DocumentEditing(db, TimeProvider.System);
        var delete = await editing.DeleteAsync(coordinator, documentId, 1);
        Assert.Equal(ResultStatus.Invalid, delete.Status);
        Assert.Contains("Chỉ có thể thu hồi", Errors(delete), StringComparison.Ordinal);
        Assert.Contains("1 kế hoạch", Errors(delete), StringComparison.Ordinal);

        db.ChangeTracker.Clear();
        var noReason = await editing.WithdrawAsync(coordinator, documentId, 1, "  ");
        Assert.Equal("Vui lòng nêu lý do thu hồi.", Errors(noReason));
        db.ChangeTracker.Clear();
        var withdrawn = await editing.WithdrawAsync(coordinator, documentId, 1, "Ban hành nhầm, thay bằng kế hoạch khác");
        Assert.True(withdrawn.IsOk, Errors(withdrawn));

        await using var check = fx.Context();
        var doc = await check.Documents.SingleAsync(d => d.Id == documentId);
        Assert.NotNull(doc.WithdrawnAtUtc);
        Assert.Equal("Ban hành nhầm, thay bằng kế hoạch khác", doc.WithdrawnReason);
        var plan = await check.Plans.SingleAsync(p => p.Id == planId);
        Assert.Equal("dieuphoi", plan.WithdrawnBy); // the plan is the document's content: withdrawn with it
        db.ChangeTracker.Clear();
        Assert.Contains("đã thu hồi, không sửa được", Errors(await editing.EditAsync(coordinator, documentId, new EditDocumentCommand(2, Fields(doc.Code, "x"), null))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADocumentNothingDependsOn_IsDeleted_AndTheDeletionAudited()
    {
        var id = await DocumentAsync();
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using (var db = fx.Context("dieuphoi"))
        {
            var deleted = await new DocumentEditing(db, TimeProvider.System).DeleteAsync(coordinator, id, 1);
            Assert.True(deleted.IsOk, Errors(deleted));
        }

        await using var check = fx.Context();
        Assert.False(await check.Documents.AnyAsync(d => d.Id == id));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "Document" && a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.Action == "delete" && a.UserName == "dieuphoi"));
    }

    [Fact]
    public async Task OthersCannotEditOrRemove_AndAnotherProvincesDocumentIsNotFound()
    {
        var id = await DocumentAsync(ownerUnitId: await fx.UnitIdAsync("80")); // the province's: read by the ward
        await using var db = fx.Context("x");
        var editing = new DocumentEditing(db, TimeProvider.System);
        var code = (await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id)).Code;
        Assert.Equal(ResultStatus.Forbidden, (await editing.EditAsync(await fx.ScopeOfAsync("canbo"), id, new EditDocumentCommand(1, Fields(code, "Sửa trái phép"), null))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await editing.DeleteAsync(await fx.ScopeOfAsync("lanhdaophuong"), id, 1)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await editing.WithdrawAsync(await fx.ScopeOfAsync("thamdinh"), id, 1, "Không được phép")).Status);

        var foreign = await DocumentAsync("admin", await fx.UnitIdAsync("01"));
        Assert.Equal(ResultStatus.NotFound, (await editing.DeleteAsync(await fx.ScopeOfAsync("dieuphoi"), foreign, 1)).Status);
        Assert.Equal(ResultStatus.NotFound, (await editing.WithdrawAsync(await fx.ScopeOfAsync("dieuphoi"), foreign, 1, "Thử")).Status);
        await using var check = fx.Context();
        Assert.Equal(1, (await check.Documents.SingleAsync(d => d.Id == id)).Version);
        Assert.True(await check.Documents.AnyAsync(d => d.Id == foreign && d.WithdrawnAtUtc == null));
    }

    [Fact]
    public async Task APlansObligation_SetAfterCreation_ObligesTheWards_TellsThem_AndCannotBeDroppedOnceAdopted()
    {
        var (_, planId, _) = await PlanAsync("dieuphoi");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var officer = await fx.ScopeOfAsync("canbo");
        await using (var db = fx.Context("dieuphoi"))
        {
            Assert.DoesNotContain(await ToAdoptModel.ToAdoptAsync(db, officer, default), r => r.PlanId == planId);
            var editing = new PlanEditing(db, TimeProvider.System, new PlanCommands(db, TimeProvider.System, new DocumentCommands(db, TimeProvider.System, Config)));
            var bad = await editing.EditAsync(coordinator, planId, new EditPlanCommand(1, "", null, true, null, [OrgUnitKind.Ward], null));
            Assert.True(bad.Errors.ContainsKey("Purposes") && bad.Errors.ContainsKey("AdoptionDueOn"), Errors(bad)); // all errors at once
            db.ChangeTracker.Clear();
            var set = await editing.EditAsync(coordinator, planId, new EditPlanCommand(1, "Nâng cao hiệu quả công tác dân vận.", "II. NỘI DUNG", true, Today.AddDays(20), [OrgUnitKind.Ward], "Bổ sung yêu cầu các phường"));
            Assert.True(set.IsOk, Errors(set));
        }

        await using (var db = fx.Context("canbo"))
        {
            var row = Assert.Single(await ToAdoptModel.ToAdoptAsync(db, officer, default), r => r.PlanId == planId);
            Assert.Equal(Today.AddDays(20), row.DueOn);
            Assert.True(await db.Set<DanVan.Features.FollowUp.Notification>().AnyAsync(n => n.UserId == officer.UserId && n.Source == $"plan-obligation:{planId}:2"));
            var adopted = await new PlanCommands(db, TimeProvider.System, new DocumentCommands(db, TimeProvider.System, Config)).AdoptAsync(officer, new AdoptPlanCommand(
                planId, $"{N()}/KH-UBND", Today, "Thực hiện kế hoạch của tỉnh", null, "Chủ tịch", "Nguyễn Văn Hùng", "Phát huy quyền làm chủ.", null,
                new Dictionary<int, string?>(), null));
            Assert.True(adopted.IsOk, Errors(adopted));
        }

        await using (var db = fx.Context("dieuphoi"))
        {
            var editing = new PlanEditing(db, TimeProvider.System, new PlanCommands(db, TimeProvider.System, new DocumentCommands(db, TimeProvider.System, Config)));
            var dropped = await editing.EditAsync(coordinator, planId, new EditPlanCommand(2, "Nâng cao hiệu quả công tác dân vận.", null, false, null, null, null));
            Assert.Contains("không bỏ được yêu cầu", Errors(dropped), StringComparison.Ordinal);
            db.ChangeTracker.Clear();
            var delete = await editing.DeleteAsync(coordinator, planId, 2);
            Assert.Contains("1 đơn vị cấp dưới đã xây dựng kế hoạch thực hiện", Errors(delete), StringComparison.Ordinal);
        }

        await using var check = fx.Context();
        var version = await check.RecordVersions.SingleAsync(v => v.Kind == RecordKind.Plan && v.RecordId == planId);
        Assert.Equal("false", Versions.Read(version)["RequiresAdoption"]);
        Assert.Equal("Bổ sung yêu cầu các phường", version.Reason);
    }

    [Fact]
    public async Task APlansTargets_AreEditedWithHistory_DeletedWhenNotInherited_ThenThePlanItself()
    {
        var (documentId, planId, targets) = await PlanAsync("dieuphoi", "Trên 90% người dân hài lòng\n100% phường tổ chức đối thoại");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using var db = fx.Context("dieuphoi");
        var plans = new PlanEditing(db, TimeProvider.System, new PlanCommands(db, TimeProvider.System, new DocumentCommands(db, TimeProvider.System, Config)));
        var editing = new TargetEditing(db, TimeProvider.System);
        Assert.Contains("2 chỉ tiêu", Errors(await plans.DeleteAsync(coordinator, planId, 1)), StringComparison.Ordinal);
        db.ChangeTracker.Clear();

        var noNumber = await editing.EditAsync(coordinator, targets[0], new EditTargetCommand(1, "Người dân hài lòng", null, null));
        Assert.Contains("chưa có con số", Errors(noNumber), StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        var edited = await editing.EditAsync(coordinator, targets[0], new EditTargetCommand(1, "Ít nhất 95% người dân hài lòng", "theo khảo sát SIPAS", null));
        Assert.True(edited.IsOk, Errors(edited));
        Assert.Equal((">=", 95), (edited.Value!.Comparison, edited.Value.Value));
        db.ChangeTracker.Clear();
        Assert.True((await editing.DeleteAsync(coordinator, targets[0], 2)).IsOk);
        db.ChangeTracker.Clear();
        Assert.True((await editing.WithdrawAsync(coordinator, targets[1], 1, "Chỉ tiêu trùng với kế hoạch khác")).IsOk);
        db.ChangeTracker.Clear();
        // The withdrawn target still names the plan: the plan is withdrawn, not deleted.
        Assert.Contains("đã thu hồi", Errors(await plans.DeleteAsync(coordinator, planId, 1)), StringComparison.Ordinal);

        await using var check = fx.Context();
        Assert.False(await check.PlanTargets.AnyAsync(t => t.Id == targets[0]));
        Assert.False(await check.RecordVersions.AnyAsync(v => v.Kind == RecordKind.Target && v.RecordId == targets[0]));
        Assert.Equal("Chỉ tiêu trùng với kế hoạch khác", (await check.PlanTargets.SingleAsync(t => t.Id == targets[1])).WithdrawnReason);
        Assert.True(await check.Documents.AnyAsync(d => d.Id == documentId));
    }

    [Fact]
    public async Task AnInheritedTarget_CanOnlyBeWithdrawn()
    {
        var (_, planId, targets) = await PlanAsync("dieuphoi", "Trên 90% người dân hài lòng", requiresAdoption: true);
        var officer = await fx.ScopeOfAsync("canbo");
        await using (var db = fx.Context("canbo"))
        {
            var adopted = await new PlanCommands(db, TimeProvider.System, new DocumentCommands(db, TimeProvider.System, Config)).AdoptAsync(officer, new AdoptPlanCommand(
                planId, $"{N()}/KH-UBND", Today, "Thực hiện kế hoạch của tỉnh", null, "Chủ tịch", "Nguyễn Văn Hùng", "Phát huy quyền làm chủ.", null,
                new Dictionary<int, string?>(), null));
            Assert.True(adopted.IsOk, Errors(adopted));
        }

        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using var db2 = fx.Context("dieuphoi");
        var editing = new TargetEditing(db2, TimeProvider.System);
        Assert.Contains("1 kế hoạch cấp dưới kế thừa chỉ tiêu", Errors(await editing.DeleteAsync(coordinator, targets[0], 1)), StringComparison.Ordinal);
        db2.ChangeTracker.Clear();
        Assert.Equal(ResultStatus.Forbidden, (await editing.WithdrawAsync(officer, targets[0], 1, "Không phải của phường")).Status);
        db2.ChangeTracker.Clear();
        Assert.True((await editing.WithdrawAsync(coordinator, targets[0], 1, "Điều chỉnh theo chỉ đạo mới")).IsOk);
    }

    [Fact]
    public async Task ATaskEditedAfterAssignment_KeepsItsVersion_AndTellsTheLeadUnit()
    {
        var deadlineId = await TaskAsync();
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var officer = await fx.ScopeOfAsync("canbo");
        await using var db = fx.Context("dieuphoi");
        var editing = new WorkItemEditing(db, TimeProvider.System);
        Assert.Equal(ResultStatus.Forbidden, (await editing.EditAsync(officer, deadlineId, new EditWorkItemCommand(1, "Tự sửa", null, null, null))).Status);
        db.ChangeTracker.Clear();
        var past = await editing.EditAsync(coordinator, deadlineId, new EditWorkItemCommand(1, "", null, Today.AddYears(-1), null));
        Assert.True(past.Errors.ContainsKey("Title") && past.Errors.ContainsKey("DueOn"), Errors(past));
        db.ChangeTracker.Clear();
        var edited = await editing.EditAsync(coordinator, deadlineId, new EditWorkItemCommand(1, "Tổ chức hội nghị đối thoại với thanh niên", "Mỗi phường một hội nghị.", Today.AddDays(40), "Đổi đối tượng"));
        Assert.True(edited.IsOk, Errors(edited));

        await using var check = fx.Context();
        Assert.Equal(Today.AddDays(40), (await check.WorkItemDeadlines.SingleAsync(d => d.Id == deadlineId)).DueOn);
        var version = await check.RecordVersions.SingleAsync(v => v.Kind == RecordKind.WorkItem && v.RecordId == edited.Value!.Id);
        Assert.Equal(VietnameseDate(Today.AddDays(20)), Versions.Display("DueOn", Versions.Read(version)["DueOn"]));
        var note = await check.Set<DanVan.Features.FollowUp.Notification>().SingleAsync(n => n.UserId == officer.UserId && n.Source == $"task-edit:{edited.Value!.Id}:2");
        Assert.Contains("Lý do: Đổi đối tượng", note.Body, StringComparison.Ordinal);
        Assert.Equal($"/Tasks/Details/{deadlineId}", note.Link);
    }

    [Fact]
    public async Task ATaskWithAProgressReport_IsWithdrawnNotDeleted_AndLeavesTheLists_ATaskWithout_IsDeleted()
    {
        var reported = await TaskAsync();
        var untouched = await TaskAsync();
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using (var db = fx.Context("canbo"))
        {
            var r = await new WorkItemCommands(db, new CalendarCommands(db), TimeProvider.System).ReportAsync(await fx.ScopeOfAsync("canbo"),
                new ReportProgressCommand(reported, 30, "Đã xây dựng kế hoạch tổ chức", false, null));
            Assert.True(r.IsOk, Errors(r));
        }

        await using (var db = fx.Context("dieuphoi"))
        {
            var editing = new WorkItemEditing(db, TimeProvider.System);
            var delete = await editing.DeleteAsync(coordinator, reported, 1);
            Assert.Contains("1 báo cáo tiến độ, hoàn thành", Errors(delete), StringComparison.Ordinal);
            db.ChangeTracker.Clear();
            Assert.True((await editing.WithdrawAsync(coordinator, reported, 1, "Đã giao trong kế hoạch khác")).IsOk);
            db.ChangeTracker.Clear();
            Assert.True((await editing.DeleteAsync(coordinator, untouched, 1)).IsOk);
        }

        await using var check = fx.Context();
        Assert.False(await check.WorkItemDeadlines.AnyAsync(d => d.Id == reported)); // boards, lists, digests and counts skip it
        var kept = await check.WorkItemDeadlines.IgnoreQueryFilters().SingleAsync(d => d.Id == reported);
        Assert.True(kept.Withdrawn);
        Assert.Equal("Đã giao trong kế hoạch khác", (await check.WorkItems.SingleAsync(w => w.Id == kept.WorkItemId)).WithdrawnReason);
        Assert.False(await check.WorkItemDeadlines.IgnoreQueryFilters().AnyAsync(d => d.Id == untouched));
    }

    private static string VietnameseDate(DateOnly d) => DanVan.Domain.Text.VietnameseText.FormatDate(d);
}
