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
                bindingContext.Result = ModelBindingResult.Success(VietnameseText.Nfc(s));
            }
        }
    }
}

/// <summary>Every string read from a JSON body is normalised to Unicode NFC.</summary>
public sealed class NfcStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        VietnameseText.Nfc(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
