using DanVan.Domain.Units;
using DanVan.Features.Documents;
using DanVan.Features.Plans;
using DanVan.Features.Tasks;
using DanVan.Infrastructure;

namespace DanVan.Features.Editing;

public sealed record EditDocumentRequest(
    int Version, string? Code, string? IssuerName, string? Place, DateOnly? IssuedOn, string? Title,
    string? SignerAuthority, string? SignerPosition, string? SignerName, IReadOnlyList<string>? Recipients, string? Reason);

public sealed record EditPlanRequest(
    int Version, string? Purposes, string? Body, bool RequiresAdoption, DateOnly? AdoptionDueOn, IReadOnlyList<OrgUnitKind>? AdoptionKinds, string? Reason);

public sealed record EditTargetRequest(int Version, string? Description, string? Measure, string? Reason);

public sealed record EditTaskRequest(int Version, string? Title, string? Description, DateOnly? DueOn, string? Reason);

public sealed record WithdrawRequest(int Version, string? Reason);

/// <summary>A record after an edit or a withdrawal: its version (for the next change) and whether it is withdrawn.</summary>
public sealed record RecordStateDto(int Id, int Version, bool Withdrawn, string? WithdrawnReason);

/// <summary>
/// Sửa (PUT), thu hồi (POST …/withdraw) and xóa (DELETE ?version=) of documents, plans, targets and tasks, under the
/// routes of each (ADR-019): the handlers of the pages, the same rules. Tasks are named by one of their deadlines, as in
/// the rest of /api/tasks. A stale version answers 400 with the Vietnamese message.
/// </summary>
public static class EditingApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/documents").WithTags("Văn bản").RequireAuthorization();
        documents.MapPut("/{id:int}", EditDocumentAsync).WithName("EditDocument").WithSummary("Sửa văn bản; phiên bản trước được giữ.");
        documents.MapPost("/{id:int}/withdraw", WithdrawDocumentAsync).WithName("WithdrawDocument").WithSummary("Thu hồi văn bản (và nội dung kế hoạch của nó), nêu lý do.");
        documents.MapDelete("/{id:int}", DeleteDocumentAsync).WithName("DeleteDocument").WithSummary("Xóa văn bản khi không có kế hoạch, nhiệm vụ nào theo nó.");

        var plans = app.MapGroup("/api/plans").WithTags("Kế hoạch").RequireAuthorization();
        plans.MapPut("/{id:int}", EditPlanAsync).WithName("EditPlan").WithSummary("Sửa kế hoạch, kể cả yêu cầu đơn vị cấp dưới xây dựng kế hoạch; phiên bản trước được giữ.");
        plans.MapPost("/{id:int}/withdraw", WithdrawPlanAsync).WithName("WithdrawPlan").WithSummary("Thu hồi kế hoạch, nêu lý do.");
        plans.MapDelete("/{id:int}", DeletePlanAsync).WithName("DeletePlan").WithSummary("Xóa nội dung kế hoạch khi không có gì phụ thuộc.");
        plans.MapPut("/targets/{id:int}", EditTargetAsync).WithName("EditPlanTarget").WithSummary("Sửa một chỉ tiêu; phiên bản trước được giữ.");
        plans.MapPost("/targets/{id:int}/withdraw", WithdrawTargetAsync).WithName("WithdrawPlanTarget").WithSummary("Thu hồi một chỉ tiêu, nêu lý do.");
        plans.MapDelete("/targets/{id:int}", DeleteTargetAsync).WithName("DeletePlanTarget").WithSummary("Xóa một chỉ tiêu chưa được kế hoạch cấp dưới kế thừa.");

        var tasks = app.MapGroup("/api/tasks").WithTags("Nhiệm vụ").RequireAuthorization();
        tasks.MapPut("/{id:int}", EditTaskAsync).WithName("EditTask").WithSummary("Sửa nhiệm vụ của một hạn; đơn vị chủ trì được thông báo.");
        tasks.MapPost("/{id:int}/withdraw", WithdrawTaskAsync).WithName("WithdrawTask").WithSummary("Thu hồi nhiệm vụ, nêu lý do; nhiệm vụ không còn tính trong bảng theo dõi và số liệu.");
        tasks.MapDelete("/{id:int}", DeleteTaskAsync).WithName("DeleteTask").WithSummary("Xóa nhiệm vụ chưa có báo cáo, minh chứng, đề nghị gia hạn.");
    }

    private static IResult State<T>(Result<T> result, Func<T, RecordStateDto> state) => result.ToHttp(v => TypedResults.Ok(state(v)));

    private static IResult Deleted<T>(Result<T> result) => result.ToHttp(_ => TypedResults.NoContent());

    private static IResult NoVersion() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Cần gửi phiên bản (version) của bản ghi đang xóa."] }, title: "Dữ liệu không hợp lệ.");

    private static RecordStateDto Of(int id, Domain.Editing.IVersioned v) => new(id, v.Version, v.WithdrawnAtUtc is not null, v.WithdrawnReason);

    private static async Task<IResult> EditDocumentAsync(int id, EditDocumentRequest body, CurrentUser currentUser, DocumentEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user
            ? TypedResults.Unauthorized()
            : State(await editing.EditAsync(user, id, new EditDocumentCommand(body.Version, new DocumentFields(
                body.Code, body.IssuerName, body.Place, body.IssuedOn, body.Title, body.SignerAuthority, body.SignerPosition, body.SignerName,
                body.Recipients is null ? null : string.Join('\n', body.Recipients)), body.Reason), ct), d => Of(d.Id, d));

    private static async Task<IResult> WithdrawDocumentAsync(int id, WithdrawRequest body, CurrentUser currentUser, DocumentEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user ? TypedResults.Unauthorized() : State(await editing.WithdrawAsync(user, id, body.Version, body.Reason, ct), d => Of(d.Id, d));

    private static async Task<IResult> DeleteDocumentAsync(int id, int? version, CurrentUser currentUser, DocumentEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user ? TypedResults.Unauthorized()
        : version is not { } v ? NoVersion() : Deleted(await editing.DeleteAsync(user, id, v, ct));

    private static async Task<IResult> EditPlanAsync(int id, EditPlanRequest body, CurrentUser currentUser, PlanEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user
            ? TypedResults.Unauthorized()
            : State(await editing.EditAsync(user, id, new EditPlanCommand(body.Version, body.Purposes, body.Body, body.RequiresAdoption, body.AdoptionDueOn, body.AdoptionKinds, body.Reason), ct),
                p => Of(p.Id, p));

    private static async Task<IResult> WithdrawPlanAsync(int id, WithdrawRequest body, CurrentUser currentUser, PlanEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user ? TypedResults.Unauthorized() : State(await editing.WithdrawAsync(user, id, body.Version, body.Reason, ct), p => Of(p.Id, p));

    private static async Task<IResult> DeletePlanAsync(int id, int? version, CurrentUser currentUser, PlanEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user ? TypedResults.Unauthorized()
        : version is not { } v ? NoVersion() : Deleted(await editing.DeleteAsync(user, id, v, ct));

    private static async Task<IResult> EditTargetAsync(int id, EditTargetRequest body, CurrentUser currentUser, TargetEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user
            ? TypedResults.Unauthorized()
            : State(await editing.EditAsync(user, id, new EditTargetCommand(body.Version, body.Description, body.Measure, body.Reason), ct), t => Of(t.Id, t));

    private static async Task<IResult> WithdrawTargetAsync(int id, WithdrawRequest body, CurrentUser currentUser, TargetEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user ? TypedResults.Unauthorized() : State(await editing.WithdrawAsync(user, id, body.Version, body.Reason, ct), t => Of(t.Id, t));

    private static async Task<IResult> DeleteTargetAsync(int id, int? version, CurrentUser currentUser, TargetEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user ? TypedResults.Unauthorized()
        : version is not { } v ? NoVersion() : Deleted(await editing.DeleteAsync(user, id, v, ct));

    private static async Task<IResult> EditTaskAsync(int id, EditTaskRequest body, CurrentUser currentUser, WorkItemEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user
            ? TypedResults.Unauthorized()
            : State(await editing.EditAsync(user, id, new EditWorkItemCommand(body.Version, body.Title, body.Description, body.DueOn, body.Reason), ct), w => Of(w.Id, w));

    private static async Task<IResult> WithdrawTaskAsync(int id, WithdrawRequest body, CurrentUser currentUser, WorkItemEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user ? TypedResults.Unauthorized() : State(await editing.WithdrawAsync(user, id, body.Version, body.Reason, ct), w => Of(w.Id, w));

    private static async Task<IResult> DeleteTaskAsync(int id, int? version, CurrentUser currentUser, WorkItemEditing editing, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is not { } user ? TypedResults.Unauthorized()
        : version is not { } v ? NoVersion() : Deleted(await editing.DeleteAsync(user, id, v, ct));
}
