using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Error;

/// <summary>Friendly Vietnamese pages for 403, 404, 500 and other status codes.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class IndexModel(ILogger<IndexModel> logger) : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public string? TraceId { get; private set; }

    // The code is read from the route, not model-bound: when the original request's form could not be read
    // (the reason for a 400), binding would fail here too.
    public Task<IActionResult> OnGetAsync() => RenderAsync();

    public Task<IActionResult> OnPostAsync() => RenderAsync();

    private async Task<IActionResult> RenderAsync()
    {
        Render();
        var originalPath = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (originalPath?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true)
        {
            // An exception in the JSON API: problem details, as every other API error.
            await Infrastructure.Hardening.WriteProblemAsync(HttpContext, Code);
            return new EmptyResult();
        }

        return Page();
    }

    private void Render()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var routeCode = int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : (int?)null;
        Code = exception is not null ? (Response.StatusCode >= 400 ? Response.StatusCode : 500)
            : reExecuted && Response.StatusCode >= 400 ? Response.StatusCode
            : routeCode is >= 400 and < 600 ? routeCode.Value
            : 404;
        Response.StatusCode = Code;

        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (Code == 503)
        {
            Response.Headers.RetryAfter = "5";
        }

        if (exception is not null && Code >= 500 && Code != 503)
        {
            logger.LogError(exception.Error, "Unhandled error on {Path} (trace {TraceId})", exception.Path, TraceId);
        }

        (Heading, Explanation) = Code switch
        {
            400 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không đúng định dạng hoặc phiên làm việc đã hết hạn. Vui lòng tải lại trang và thử lại."),
            401 => ("Cần đăng nhập", "Vui lòng đăng nhập để tiếp tục."),
            403 => ("Không có quyền truy cập", HttpContext.Items[Shared.ForbidReasons.ItemKey] as string
                ?? "Bạn không có quyền xem hoặc thay đổi nội dung này: nội dung thuộc đơn vị ngoài phạm vi tài khoản, hoặc thao tác dành cho vai trò khác. Nếu cần, hãy liên hệ cơ quan điều phối hoặc quản trị hệ thống."),
            404 => ("Không tìm thấy trang", "Trang hoặc bản ghi bạn tìm không tồn tại, hoặc đã bị xóa. Kiểm tra lại đường dẫn."),
            405 => ("Thao tác không được hỗ trợ", "Thao tác này không được hỗ trợ tại địa chỉ này."),
            413 => ("Tệp quá lớn", "Tệp tải lên vượt quá dung lượng cho phép."),
            500 => ("Hệ thống gặp sự cố", "Đã có lỗi ngoài ý muốn. Thao tác của bạn chưa được lưu. Vui lòng thử lại; nếu lỗi lặp lại, báo cho quản trị hệ thống kèm mã tra cứu bên dưới."),
            _ => (Infrastructure.Hardening.Title(Code), Infrastructure.Hardening.Detail(Code)), // 409, 429, 503…: the API's wording
        };
    }
}
