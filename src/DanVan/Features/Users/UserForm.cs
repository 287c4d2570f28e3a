using System.ComponentModel.DataAnnotations;

namespace DanVan.Features.Users;

/// <summary>The fields of an account form (create and edit).</summary>
public sealed class UserInput
{
    [Display(Name = "Tên đăng nhập")]
    public string? UserName { get; set; }

    [Display(Name = "Họ và tên")]
    public string? FullName { get; set; }

    [Display(Name = "Thư điện tử")]
    public string? Email { get; set; }

    [Display(Name = "Chức vụ")]
    public string? Position { get; set; }

    [Display(Name = "Đơn vị công tác")]
    public int? UnitId { get; set; }

    [Display(Name = "Vai trò")]
    public string? Role { get; set; }

    [Display(Name = "Mật khẩu ban đầu")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }
}
