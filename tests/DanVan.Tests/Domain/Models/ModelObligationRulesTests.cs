using DanVan.Domain.Models;

namespace DanVan.Tests.Domain.Models;

public class ModelObligationRulesTests
{
    [Theory]
    [InlineData(1, 2026, true, "2026-07-10", "")]
    [InlineData(3, 2027, true, "2026-12-15", "")]
    [InlineData(0, 2026, true, "2026-07-10", "ModelQuota")]
    [InlineData(51, 2026, true, "2026-07-10", "ModelQuota")]
    [InlineData(1, 1999, true, "2026-07-10", "ModelYear")]
    [InlineData(1, 2024, true, "2026-07-10", "ModelYear")]
    [InlineData(1, 2026, false, "2026-07-10", "Schedule")]
    [InlineData(-2, 2026, false, "2026-07-10", "ModelQuota,Schedule")]
    public void Check_NamesEveryWrongField(int quota, int year, bool single, string due, string fields)
    {
        var errors = ModelObligationRules.Check(quota, year, single, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fields, string.Join(",", errors.Select(e => e.Field)));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [InlineData(ModelStatus.Registered, true)]
    [InlineData(ModelStatus.Returned, false)]
    [InlineData(ModelStatus.Approved, true)]
    [InlineData(ModelStatus.Recognised, true)]
    [InlineData(ModelStatus.Removed, true)]
    public void Counts_AllButAReturnedRegistration(ModelStatus state, bool counts) =>
        Assert.Equal(counts, ModelObligationRules.Counted.Compile()(new MobilizationModel { State = state }));

    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(3, 2, true)]
    public void IsFulfilled_WhenTheCountReachesTheQuota(int counted, int quota, bool fulfilled) =>
        Assert.Equal(fulfilled, ModelObligationRules.IsFulfilled(counted, quota));
}
