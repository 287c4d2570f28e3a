using System.Linq.Expressions;

namespace DanVan.Domain.Models;

/// <summary>
/// "Mỗi đơn vị xây dựng hoặc nhân rộng ít nhất N mô hình năm Y, đăng ký trước ngày D" (seed 002): a task carries the
/// obligation; its one deadline is the registration date, and the lead unit's own registrations fulfil it (ADR-015).
/// Pure.
/// </summary>
public static class ModelObligationRules
{
    public const int MaxQuota = 50;

    /// <summary>What is wrong with an obligation (field name, message); empty when it can be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(int quota, int year, bool singleDeadline, DateOnly dueOn)
    {
        var errors = new List<(string, string)>();
        if (quota is < 1 or > MaxQuota)
        {
            errors.Add(("ModelQuota", $"Số mô hình mỗi đơn vị phải đăng ký là số nguyên từ 1 đến {MaxQuota}."));
        }

        if (year is < 2000 or > 2100)
        {
            errors.Add(("ModelYear", "Năm của mô hình không hợp lệ."));
        }
        else if (Math.Abs(dueOn.Year - year) > 1)
        {
            errors.Add(("ModelYear", $"Hạn đăng ký {dueOn:dd/MM/yyyy} cách quá xa năm {year} của mô hình."));
        }

        if (!singleDeadline)
        {
            errors.Add(("Schedule", "Nhiệm vụ đăng ký mô hình có một hạn đăng ký: chọn thời hạn “một lần”."));
        }

        return errors;
    }

    /// <summary>
    /// The registrations that count — for obligations, the compliance view and the measures mo-hinh-dang-ky and
    /// mo-hinh-nhan-rong: every model that is not waiting to be corrected after a return. One rule, read by SQL.
    /// </summary>
    public static Expression<Func<MobilizationModel, bool>> Counted { get; } = m => m.State != ModelStatus.Returned;

    public static bool IsFulfilled(int counted, int quota) => counted >= quota;
}
