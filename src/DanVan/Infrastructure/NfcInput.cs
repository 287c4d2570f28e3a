using System.Text.Json;
using System.Text.Json.Serialization;
using DanVan.Domain.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace DanVan.Infrastructure;

/// <summary>Every string bound from a form, route or query string is normalised to Unicode NFC.</summary>
public sealed class NfcStringModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string))
        {
            return null;
        }

        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        return new NfcStringModelBinder(new SimpleTypeModelBinder(typeof(string), loggers));
    }

    private sealed class NfcStringModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string s)
            {
                if (s.Contains('\0', StringComparison.Ordinal))
                {
                    // No field takes a NUL, and PostgreSQL refuses it in text: refused here, before any query sees it.
                    var label = bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.Name ?? bindingContext.ModelName;
                    bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"\"{label}\" chứa ký tự không hợp lệ.");
                    bindingContext.Result = ModelBindingResult.Failed();
                    return;
                }

                bindingContext.Result = ModelBindingResult.Success(VietnameseText.Nfc(s));
            }
        }
    }
}

/// <summary>Every string read from a JSON body is normalised to Unicode NFC.</summary>
public sealed class NfcStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("A NUL character in a string.") // 400: no field takes it, PostgreSQL refuses it
            : VietnameseText.Nfc(text);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

/// <summary>
/// Checkboxes accept what browsers and scripts send (true/false, on/off, 1/0, yes/no) and keep a plain "true" or
/// "false" in model state, so that re-rendering the form never meets a value it cannot read (issue 11: a checkbox
/// posted as "1" threw in the tag helper). Anything else is a Vietnamese field error.
/// </summary>
public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) || context.Metadata.ModelType == typeof(bool?)
            ? new BooleanModelBinder(context.Metadata.ModelType == typeof(bool?))
            : null;

    private sealed class BooleanModelBinder(bool nullable) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var name = bindingContext.ModelName;
            var values = bindingContext.ValueProvider.GetValue(name);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            var text = values.FirstValue?.Trim().ToLowerInvariant() ?? "";
            bool? value = text switch
            {
                "true" or "on" or "1" or "yes" or "checked" => true,
                "false" or "off" or "0" or "no" => false,
                "" => nullable ? null : false,
                _ => null,
            };
            var recognised = value is not null || text.Length == 0;
            bindingContext.ModelState.SetModelValue(name, value ?? (recognised ? null : false), value is null ? "" : value.Value ? "true" : "false");
            if (!recognised)
            {
                var label = bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.Name ?? name;
                bindingContext.ModelState.TryAddModelError(name, $"Giá trị đã chọn cho \"{label}\" không hợp lệ.");
                bindingContext.Result = ModelBindingResult.Failed();
                return Task.CompletedTask;
            }

            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }
}
