using DanVan.Data;
using DanVan.Features.Shared;

namespace DanVan.Tests.Support;

/// <summary>Every capability's measures over one context, as the app registers them, for tests that build commands by hand.</summary>
public static class TestMeasures
{
    public static MeasureRegistry All(AppDbContext db) => new([new DanVan.Features.Tasks.TaskMeasures(db), new DanVan.Features.Cases.CaseMeasures(db), new DanVan.Features.Models.ModelMeasures(db)]);
}
