using System.Text.Json;
using DanVan.Domain.Access;
using DanVan.Domain.Import;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace DanVan.Features.Import;

/// <summary>Pasted text, as a JSON body.</summary>
public sealed record ParseTextRequest(string? Text);

/// <summary>The form of the endpoint, as OpenAPI describes it: a file to read, or the text itself.</summary>
public sealed record ParseDocumentForm(IFormFile? File, string? Text);

/// <summary>
/// <c>POST /api/documents/parse</c>: reads an uploaded document (or pasted text) and returns what the parser found.
/// Nothing is stored, so there is no audit entry. Who may call it: whoever may register a document for their own unit
/// (<see cref="DocumentAccessRules.CanWrite"/>), as the register itself.
/// </summary>
/// <remarks>
/// No antiforgery token is asked for, like the rest of the JSON API: the endpoint changes nothing, the auth cookie is
/// SameSite=Lax (a cross-site POST does not carry it), and a cross-site page could not read the answer anyway.
/// </remarks>
public static class ImportApi
{
    /// <summary>Room for the multipart envelope around a file of the largest size read.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var maxBody = app.ServiceProvider.GetRequiredService<DocumentTextReader>().Options.MaxFileBytes + FormOverheadBytes;
        app.MapGroup("/api/documents").WithTags("Văn bản").RequireAuthorization()
            .MapPost("/parse", ParseAsync)
            .WithName("ParseDocument")
            .WithSummary("Đọc văn bản tải lên (.docx, .pdf có lớp chữ, .txt) hoặc dán vào, đề xuất số, ký hiệu, trích yếu, nhiệm vụ, thời hạn; không lưu gì.")
            .WithDescription("Gửi multipart/form-data có trường file (hoặc trường text), hoặc JSON {\"text\": \"…\"}. Lỗi đọc: 400 với thông báo tiếng Việt trong detail.")
            .WithMetadata(new RequestSizeLimitAttribute(maxBody))
            // One Accepts only (routing answers 415 to any other content type, OpenAPI shows the last one); the JSON
            // body's own schema ({"text": "…"}, no file) is set by hand.
            .Accepts<ParseDocumentForm>("multipart/form-data", "application/x-www-form-urlencoded", "application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content is not { } content)
                {
                    return Task.CompletedTask;
                }

                content["application/json"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema> { ["text"] = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<ParsedDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ParseAsync(HttpRequest request, CurrentUser currentUser, DocumentTextReader reader, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (!DocumentAccessRules.CanWrite(user, user.UnitAncestorPath, user.UnitId))
        {
            return TypedResults.Forbid();
        }

        var maxBody = reader.Options.MaxFileBytes + FormOverheadBytes;
        if (request.ContentLength > maxBody)
        {
            return TooLarge(reader);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBody;
        }

        try
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            if (form?.Files.GetFile("file") is { } file && file.Length > reader.Options.MaxFileBytes)
            {
                return TooLarge(reader); // sent chunked, so not caught by the Content-Length check above
            }

            var text = await ReadTextAsync(request, form, reader, ct);
            return text is null
                ? Problem("Cần gửi tệp văn bản (trường file) hoặc nội dung văn bản (trường text).")
                : TypedResults.Json(DocumentParser.Parse(text), ParsedDocumentJson.Options);
        }
        catch (UnreadableDocumentException ex)
        {
            return Problem(ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(reader);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or BadHttpRequestException)
        {
            return Problem("Yêu cầu không đúng định dạng: gửi multipart/form-data có trường file hoặc text, hoặc JSON {\"text\": \"…\"}.");
        }
    }

    /// <summary>The text to parse, or null when the request carries neither a file nor text.</summary>
    private static async Task<string?> ReadTextAsync(HttpRequest request, IFormCollection? form, DocumentTextReader reader, CancellationToken ct)
    {
        if (form is not null)
        {
            if (form.Files.GetFile("file") is { } file)
            {
                await using var stream = file.OpenReadStream();
                return await reader.ReadAsync(stream, file.FileName, ct);
            }

            var pasted = form["text"].ToString();
            return pasted.Length == 0 ? null : DocumentTextReader.NormaliseText(pasted);
        }

        if (request.HasJsonContentType())
        {
            var body = await request.ReadFromJsonAsync<ParseTextRequest>(ct);
            return body?.Text is { Length: > 0 } text ? DocumentTextReader.NormaliseText(text) : null;
        }

        return null;
    }

    private static IResult Problem(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Không đọc được văn bản.");

    private static IResult TooLarge(DocumentTextReader reader) =>
        TypedResults.Problem(
            detail: $"Tệp quá lớn, không đọc được: chỉ nhận tệp đến {reader.Options.MaxFileBytes / (1024 * 1024)} MB.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Không đọc được văn bản.");
}
