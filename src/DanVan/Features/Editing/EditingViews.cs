using DanVan.Domain.Editing;
using DanVan.Features.Documents;

namespace DanVan.Features.Editing;

/// <summary>The "Sửa / Thu hồi / Xóa / Lịch sử phiên bản" buttons of a record's page, shown only to those allowed.</summary>
public sealed record ActionsView(RecordKind Kind, int RecordId, string EditUrl, string RemoveUrl, RemovalInfo Info, int Versions, bool Small = false);

/// <summary>The confirmation page for withdrawing or deleting a record.</summary>
public sealed record RemoveView(string What, string BackUrl, RemovalInfo Info, int Version, string? Note = null, string? Reason = null, string? ReasonError = null);
