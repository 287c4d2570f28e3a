using DanVan.Domain.Training;
using DanVan.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Demo;

public sealed partial class DemoSeeder
{
    /// <summary>
    /// Phường Tân Ninh's staff roster (eleven serving, one retired) and three sessions: the province's plan 80/KH-UBND
    /// briefed to nine of the eleven (two still to brief), a propaganda evening for the people, a workshop on citizen
    /// reception. Its report's TT_CUOC and TT_LUOT come from them. Four news items of its portal and radio.
    /// </summary>
    private async Task<bool> SeedTrainingAsync(CancellationToken ct)
    {
        if (await db.StaffMembers.AnyAsync(ct))
        {
            return false;
        }

        var id = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync(ct);
        var officer = (await Infrastructure.CurrentUser.LoadScopeAsync(db, id, ct))!;
        var today = Infrastructure.VietnamClock.Today(clock);
        string Day(int offset) => Domain.Text.VietnameseText.FormatDate(today.AddDays(offset));
        var training = new TrainingCommands(db, clock);
        var staff = new List<int>();
        foreach (var (name, position, joinedAgo, leftAgo) in new (string, string, int?, int?)[]
        {
            ("Nguyễn Văn Hùng", "Chủ tịch UBND phường", null, null), ("Trần Thị Mai", "Phó Chủ tịch UBND phường", null, null),
            ("Lê Văn Phúc", "Công chức Văn phòng – Thống kê", null, null), ("Phạm Thị Thu", "Công chức Tư pháp – Hộ tịch", null, null),
            ("Võ Minh Tuấn", "Công chức Địa chính – Xây dựng", null, null), ("Đặng Thị Hạnh", "Công chức Văn hóa – Xã hội", null, null),
            ("Huỳnh Văn Lộc", "Công chức Tài chính – Kế toán", null, null), ("Bùi Thị Ngọc", "Công chức Văn phòng", 400, null),
            ("Ngô Thanh Sơn", "Chỉ huy trưởng Ban Chỉ huy quân sự", null, null), ("Lý Thị Kim", "Công chức Tư pháp", 200, null),
            ("Trương Văn Đức", "Công chức Địa chính", 120, null), ("Phan Văn Bảy", "Công chức Văn phòng (nghỉ hưu)", null, 90),
        })
        {
            var added = await training.AddStaffAsync(officer, new StaffInput
            {
                FullName = name, Position = position, JoinedOn = joinedAgo is { } j ? Day(-j) : null, LeftOn = leftAgo is { } l ? Day(-l) : null,
            }, ct);
            staff.Add(added.IsOk ? added.Value!.Id : throw new InvalidOperationException("Demo staff: " + string.Join(" ", added.Errors.SelectMany(e => e.Value))));
        }

        var plan = await db.Documents.Where(d => d.Code == "80/KH-UBND").Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        async Task Session(SessionKind kind, string title, int ago, SessionAudience[] audience, int attendees, int? invited, IEnumerable<int> present, int[] documents)
        {
            var result = await training.RecordAsync(officer, new SessionInput
            {
                Kind = kind, Title = title, HeldOn = Day(-ago), Place = "Hội trường UBND phường Tân Ninh", Audience = [.. audience], Attendees = attendees, AudienceSize = invited,
                StaffIds = [.. present], DocumentIds = [.. documents], Note = "Dữ liệu minh họa.",
            }, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException("Demo session: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
        }

        // The plan briefed 50 days ago to the first nine of the roster: of the eleven serving today, Lý Thị Kim and Trương Văn Đức are still to brief.
        if (plan is { } planId)
        {
            await Session(SessionKind.Briefing, "Học tập, quán triệt Kế hoạch công tác dân vận chính quyền của tỉnh", 50, [SessionAudience.Staff, SessionAudience.PartyMembers],
                14, 16, staff.Take(9), [planId]);
        }

        await Session(SessionKind.Propaganda, "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở tại khu phố 1, khu phố 2", 30, [SessionAudience.People], 120, 150, [staff[5]], []);
        await Session(SessionKind.Workshop, "Tập huấn nghiệp vụ tiếp công dân, xử lý đơn thư", 10, [SessionAudience.Staff], 6, 8, [staff[0], staff[1], staff[2], staff[3], staff[4], staff[6]], []);

        // What the ward published and broadcast on dân vận and grassroots democracy: its portal and its radio.
        var news = new Training.News.NewsCommands(db, clock);
        foreach (var (kind, title, channel, ago) in new (NewsKind, string, string, int)[]
        {
            (NewsKind.Portal, "Phường Tân Ninh triển khai Kế hoạch công tác dân vận chính quyền năm " + today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "Cổng thông tin điện tử phường Tân Ninh", 45),
            (NewsKind.Radio, "Chuyên mục Dân chủ ở cơ sở: người dân khu phố 1 bàn và quyết định việc làm đường hẻm", "Đài truyền thanh phường Tân Ninh", 28),
            (NewsKind.News, "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở tại khu phố 1, khu phố 2", "Cổng thông tin điện tử phường Tân Ninh", 29),
            (NewsKind.Radio, "Chuyên mục Dân vận khéo: mô hình «Khu phố sáng, xanh, sạch, đẹp»", "Đài truyền thanh phường Tân Ninh", 7),
        })
        {
            var result = await news.RecordAsync(officer, new Training.News.NewsInput { Kind = kind, Title = title, Channel = channel, PublishedOn = Day(-ago) }, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException("Demo news item: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
        }

        return true;
    }
}
