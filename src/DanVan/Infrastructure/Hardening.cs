using System.Net;
using System.Net.Sockets;
using DanVan.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// The pipeline's defences (issue 11, ADR-008): security headers, the same-origin rule for cookie-authenticated API
/// writes, input that no handler should ever see (NUL), Vietnamese problem details for every API error, and the
/// status to answer when the database fails (503 while it is away, 409 when a concurrent write took the key).
/// </summary>
public static class Hardening
{
    public const string AuthCookie = "danvan.auth";

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static void AddServices(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind the province's reverse proxy (on the same host by default) the scheme and client address are the proxy's
            // to tell: the cookie is then Secure, HSTS applies, and login throttling sees the real client.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (configuration["Security:KnownProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookiePolicy(configuration));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "danvan.af";
            o.Cookie.SecurePolicy = CookiePolicy(configuration);
        });
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
            if (c.ProblemDetails.Title is null || !HasVietnamese(c.ProblemDetails.Title))
            {
                c.ProblemDetails.Title = Title(status);
            }

            c.ProblemDetails.Detail ??= Detail(status);
            c.ProblemDetails.Type = null;
            c.ProblemDetails.Extensions.Remove("exception");
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
        });
    }

    public static CookieSecurePolicy CookiePolicy(IConfiguration configuration) =>
        configuration.GetValue("Security:HttpsOnly", false) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>First in the pipeline: real client and scheme, headers on every answer.</summary>
    public static void UseEarly(WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["X-Frame-Options"] = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            await next(http);
        });
    }

    private const string CrossOriginKey = "danvan:cross-origin";

    /// <summary>
    /// NUL and other control characters in the path or query string: no field takes them, and PostgreSQL refuses NUL
    /// in text. Refused before any handler runs (forms and JSON bodies are checked by their binders).
    /// </summary>
    private static bool HasForbiddenCharacters(HttpRequest request)
    {
        if (IsBad(request.Path.Value))
        {
            return true;
        }

        if (!request.QueryString.HasValue)
        {
            return false;
        }

        foreach (var (key, values) in request.Query)
        {
            if (IsBad(key) || values.Any(IsBad))
            {
                return true;
            }
        }

        return false;

        static bool IsBad(string? s) => s is not null && s.Any(c => char.IsControl(c) || c == '\uFFFD');
    }

    /// <summary>
    /// A write to the JSON API with the sign-in cookie must come from this site: a browser always sends Origin (or
    /// Sec-Fetch-Site) on a cross-site write, and a page of another site must not act with the user's cookie.
    /// Clients that send neither (scripts, the load driver) are not browsers and carry no third-party risk.
    /// </summary>
    private static bool IsCrossOriginApiWrite(HttpContext http)
    {
        var request = http.Request;
        if (!IsApi(http) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Cookies.ContainsKey(AuthCookie))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    /// <summary>Error answers: JSON problem details under /api, the friendly Vietnamese page elsewhere.</summary>
    public static void UseErrorAnswers(WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error/500",
            StatusCodeSelector = StatusFor,
            AllowStatusCode404Response = true,
        });
        app.UseWhen(http => !IsApi(http), b => b.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.Use(async (http, next) =>
        {
            await next(http);

            // Every API error without a body of its own (401, 403, 404, a value that did not bind…) gets problem details.
            var response = http.Response;
            if (IsApi(http) && !response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null or 0
                && string.IsNullOrEmpty(response.ContentType))
            {
                response.ContentLength = null;
                await WriteProblemAsync(http, response.StatusCode, http.Items.ContainsKey(CrossOriginKey) ? "Yêu cầu gửi từ trang web khác bị từ chối." : null);
            }
        });
        app.Use(async (http, next) =>
        {
            if (HasForbiddenCharacters(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (IsCrossOriginApiWrite(http))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Items[CrossOriginKey] = true;
                return;
            }

            await next(http);
        });
    }

    public static async Task WriteProblemAsync(HttpContext http, int status, string? detail = null)
    {
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "5";
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = Title(status), Detail = detail ?? Detail(status) },
        });
    }

    /// <summary>The status an exception deserves: the database away is 503, a key taken by a concurrent write 409.</summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when DatabaseFailures.IsUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ when DatabaseFailures.IsUniqueViolation(exception) => StatusCodes.Status409Conflict,
        OperationCanceledException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string Title(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        401 => "Cần đăng nhập",
        403 => "Không có quyền truy cập",
        404 => "Không tìm thấy",
        405 => "Thao tác không được hỗ trợ",
        409 => "Dữ liệu vừa được thay đổi",
        413 => "Dữ liệu gửi lên quá lớn",
        415 => "Định dạng dữ liệu không được hỗ trợ",
        422 => "Dữ liệu không hợp lệ",
        429 => "Quá nhiều yêu cầu",
        503 => "Hệ thống tạm thời gián đoạn",
        >= 500 => "Hệ thống gặp sự cố",
        _ => "Yêu cầu không thực hiện được",
    };

    public static string Detail(int status) => status switch
    {
        400 => "Dữ liệu gửi lên không đúng định dạng (kiểu dữ liệu, giá trị vượt giới hạn hoặc ký tự không hợp lệ).",
        401 => "Vui lòng đăng nhập để tiếp tục.",
        403 => "Tài khoản không có quyền thực hiện thao tác này.",
        404 => "Bản ghi hoặc địa chỉ không tồn tại.",
        405 => "Phương thức này không được hỗ trợ tại địa chỉ này.",
        409 => "Dữ liệu vừa được người khác tạo hoặc thay đổi. Vui lòng tải lại và kiểm tra trước khi thử lại.",
        413 => "Dữ liệu hoặc tệp gửi lên vượt quá dung lượng cho phép.",
        415 => "Hãy gửi dữ liệu dạng JSON (application/json) hoặc biểu mẫu.",
        429 => "Vui lòng đợi ít phút rồi thử lại.",
        503 => "Cơ sở dữ liệu đang tạm thời không kết nối được. Thao tác chưa được lưu; vui lòng thử lại sau ít giây.",
        >= 500 => "Đã có lỗi ngoài ý muốn. Thao tác chưa được lưu.",
        _ => "Yêu cầu không thực hiện được.",
    };

    private static bool HasVietnamese(string text) => text.Any(c => c > 127);
}

/// <summary>Recognises the database failures that are not bugs: the server away, or a unique key taken concurrently.</summary>
public static class DatabaseFailures
{
    public const string UnavailableKey = "danvan:database-unavailable";

    /// <summary>After authentication: a request whose session could not be checked (database away) is a 503.</summary>
    public static void UseUnavailableAnswer(WebApplication app) => app.Use((http, next) =>
        http.Items.TryGetValue(UnavailableKey, out var cause) && http.Features.Get<IExceptionHandlerFeature>() is null
            ? throw new DatabaseUnavailableException((Exception)cause!)
            : next(http));

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DatabaseUnavailableException:
                case Npgsql.NpgsqlException { IsTransient: true }:
                case Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }: // shutdown, crash, starting, too many connections
                case SocketException:
                case TimeoutException:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }: // busy, locked
                    return true;
                case InvalidOperationException when e.Message.Contains("transient failure", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }

        return false;
    }

    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "23505" }
                || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Saves; a unique key taken meanwhile by a concurrent request is reported as false (nothing saved).</summary>
    public static async Task<bool> TrySaveUniqueAsync(this AppDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>The database could not be reached while checking the session (answered 503, never a bug report).</summary>
public sealed class DatabaseUnavailableException(Exception cause) : Exception("The database is unavailable.", cause);
