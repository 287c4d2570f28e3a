using System.Net;
using DanVan.Data;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Training;

/// <summary>The staff roster's Excel round trip: the template holds the roster; a bad row refuses the file; the fixed file adds and updates; sent again it changes nothing.</summary>
public sealed class StaffImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static readonly object?[] Header = ["Họ và tên", "Chức vụ", "Ngày về đơn vị", "Ngày thôi công tác"];

    private async Task<List<DanVan.Domain.Training.StaffMember>> RosterAsync()
    {
        var ward = await app.UnitIdAsync("25459");
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().StaffMembers.AsNoTracking().Where(s => s.UnitId == ward).ToListAsync();
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] xlsx) =>
        AppFixture.PostFilesAsync(client, "/Training/Staff?handler=Import", new Dictionary<string, string>(), ("Upload", "can-bo.xlsx", xlsx));

    [Fact]
    public async Task TheRosterComesBackFromExcel_NewPeopleAdded_ALeavingDayRecorded_NothingSavedOnABadRow()
    {
        var officer = await app.As("canbo");
        var before = await RosterAsync();
        var sheet = TestWorkbooks.Sheets(await officer.GetByteArrayAsync("/Training/Staff?handler=Template")).First().Value;
        Assert.Equal(Header.Cast<string>(), sheet[0]);
        Assert.Equal(before.Count, sheet.Count - 1);

        object?[] newcomer = ["Đỗ Thị Xuân", "Công chức Văn hóa – Xã hội", Today.AddDays(-5), null];
        object?[] leaving = ["ngo thanh son", "Chỉ huy trưởng Ban Chỉ huy quân sự", null, Today.AddDays(-1)];
        object?[] wrong = ["Hồ Văn Sai", null, Today, Today.AddDays(-3)];
        using (var refused = await ImportAsync(officer, TestWorkbooks.Filled(Header, newcomer, leaving, wrong)))
        {
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Dòng 4: Ngày thôi công tác phải sau ngày về đơn vị.", html, StringComparison.Ordinal);
        }

        Assert.Equal(before.Count, (await RosterAsync()).Count);
        Assert.Null((await RosterAsync()).Single(s => s.FullName == "Ngô Thanh Sơn").LeftOn);

        var file = TestWorkbooks.Filled(Header, newcomer, leaving);
        using (var saved = await ImportAsync(officer, file))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = await RosterAsync();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(Today.AddDays(-1), after.Single(s => s.FullName == "Ngô Thanh Sơn").LeftOn);
        using (var again = await ImportAsync(officer, file))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Contains("2 người không thay đổi.", WebUtility.HtmlDecode(await officer.GetStringAsync("/Training/Staff")), StringComparison.Ordinal);
        }

        Assert.Equal(before.Count + 1, (await RosterAsync()).Count);
        var coordinator = await app.As("dieuphoi");
        using var forbidden = await coordinator.GetAsync("/Training/Staff?handler=Template");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
