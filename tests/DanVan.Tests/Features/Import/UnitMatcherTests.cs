using DanVan.Features.Import;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Import;

public class UnitMatcherTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    [Fact]
    public async Task One_agency_is_chosen_but_a_collective_assignee_is_only_offered()
    {
        await using var db = fx.Context();
        var candidates = await new UnitMatcher(db).CandidatesAsync(await fx.ScopeOfAsync("dieuphoi"), CancellationToken.None);

        var noiVu = UnitMatcher.Suggest("Sở Nội vụ", candidates, "Quảng Ngãi");
        Assert.Equal("Sở Nội vụ tỉnh Tây Ninh", noiVu[0].Name);
        Assert.True(noiVu[0].Score >= UnitMatcher.ConfidentScore);

        // "các huyện, thị xã, thành phố" are many units: the provincial UBND may be offered, never picked for the user.
        var districts = UnitMatcher.Suggest("Ủy ban Nhân dân các huyện, thị xã, thành phố", candidates, "Quảng Ngãi");
        Assert.NotEmpty(districts);
        Assert.All(districts, s => Assert.True(s.Score < UnitMatcher.ConfidentScore, $"{s.Name}: {s.Score}"));
    }
}
