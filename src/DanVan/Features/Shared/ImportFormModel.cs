namespace DanVan.Features.Shared;

/// <summary>The "Nhập từ Excel" block of a list page (`_ImportForm`): where the file goes, the errors of the last try, the row limit.</summary>
public sealed record ImportFormModel(string Action, IReadOnlyList<string> Errors, int MaxRows, string TestId);
