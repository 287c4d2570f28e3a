using System.Text;

namespace DanVan.Infrastructure;

/// <summary>
/// Reference points for bench/run.sh, mapped only when <c>Bench:Enabled</c> is true (never in production):
/// <c>GET /bench/fixed?bytes=N</c> answers N bytes of fixed HTML without touching the database, through the same
/// pipeline as every page (static files, routing, authentication, authorization), so a page's time can be compared
/// with the web stack's time for a page of the same size.
/// </summary>
public static class BenchEndpoints
{
    public const int MaxBytes = 8 * 1024 * 1024;

    private static readonly byte[] Head = Encoding.ASCII.GetBytes("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>bench</title></head><body><p>");
    private static readonly byte[] Tail = Encoding.ASCII.GetBytes("</p></body></html>\n");
    private static readonly Lazy<byte[]> Filler = new(() =>
    {
        var line = Encoding.ASCII.GetBytes("Trang tham chieu cua bench/run.sh: noi dung co dinh, khong doc co so du lieu. ");
        var bytes = new byte[MaxBytes];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = line[i % line.Length];
        }

        return bytes;
    });

    public static int MinBytes => Head.Length + Tail.Length;

    public static void Map(WebApplication app)
    {
        if (!app.Configuration.GetValue("Bench:Enabled", false))
        {
            return;
        }

        app.MapGet("/bench/fixed", FixedAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task FixedAsync(HttpContext context, int? bytes)
    {
        var size = bytes ?? 16 * 1024;
        if (size < MinBytes || size > MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = size;
        var body = context.Response.Body;
        await body.WriteAsync(Head, context.RequestAborted);
        await body.WriteAsync(Filler.Value.AsMemory(0, size - MinBytes), context.RequestAborted);
        await body.WriteAsync(Tail, context.RequestAborted);
    }
}
