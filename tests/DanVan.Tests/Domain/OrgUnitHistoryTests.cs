using DanVan.Domain.Units;

namespace DanVan.Tests.Domain;

public class OrgUnitHistoryTests
{
    private static OrgUnitEvent Rename(int id, DateOnly date, string from, string to) =>
        new() { Id = id, Kind = OrgUnitEventKind.Renamed, EffectiveDate = date, OldName = from, NewName = to };

    [Fact]
    public void NameOn_ReturnsTheNameInForceOnThatDate()
    {
        var events = new[]
        {
            Rename(1, new DateOnly(2020, 1, 1), "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao"),
            Rename(2, new DateOnly(2025, 3, 1), "Sở Văn hóa và Thể thao", "Sở Văn hóa, Thể thao và Du lịch"),
        };
        const string current = "Sở Văn hóa, Thể thao và Du lịch";
        Assert.Equal("Sở Văn hóa, Thể thao và Du lịch", OrgUnitHistory.NameOn(current, events, new DateOnly(2019, 6, 1)));
        Assert.Equal("Sở Văn hóa và Thể thao", OrgUnitHistory.NameOn(current, events, new DateOnly(2023, 3, 7)));
        Assert.Equal(current, OrgUnitHistory.NameOn(current, events, new DateOnly(2025, 3, 1)));
    }
}
