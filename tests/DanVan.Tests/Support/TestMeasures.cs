using DanVan.Data;
using DanVan.Features.Shared;

namespace DanVan.Tests.Support;

/// <summary>Every capability's measures over one context, as the app registers them, for tests that build commands by hand.</summary>
public static class TestMeasures
{
    public static MeasureRegistry All(AppDbContext db) => new([new DanVan.Features.Tasks.TaskMeasures(db), new DanVan.Features.Cases.CaseMeasures(db), new DanVan.Features.Reception.ReceptionMeasures(db), new DanVan.Features.Dialogues.DialogueMeasures(db), new DanVan.Features.Models.ModelMeasures(db), new DanVan.Features.Consultations.ConsultationMeasures(db)]);

    /// <summary>
    /// The default regime's figures DanVan counts itself (cases, reception, dialogues, models): a test that types one of
    /// them speaks for a unit that kept it on paper, and says so — a reason for a figure equal to DanVan's is dropped.
    /// </summary>
    public static bool IsCounted(string code) => code.StartsWith("DON_", StringComparison.Ordinal) || code.StartsWith("TCD_", StringComparison.Ordinal)
        || code.StartsWith("DT_", StringComparison.Ordinal) || code.StartsWith("MH_", StringComparison.Ordinal);

    public const string PaperReason = "Số liệu theo sổ theo dõi giấy trước khi đơn vị dùng DanVan.";

    /// <summary>Reasons for every counted figure among these codes.</summary>
    public static Dictionary<string, string> PaperReasons(IEnumerable<string> codes) => codes.Where(IsCounted).Distinct().ToDictionary(c => c, _ => PaperReason);
}
