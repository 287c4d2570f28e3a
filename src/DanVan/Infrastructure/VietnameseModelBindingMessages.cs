using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace DanVan.Infrastructure;

/// <summary>Model binding's built-in messages, in Vietnamese (e.g. text typed into a number field).</summary>
public static class VietnameseModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{value}\" không hợp lệ cho trường {field}.");
        p.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho trường {field}.");
        p.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
        p.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của trường {field} không hợp lệ.");
        p.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        p.SetValueMustBeANumberAccessor(field => $"Trường {field} phải là một số.");
        p.SetValueMustNotBeNullAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
    }
}
