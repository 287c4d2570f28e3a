using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Account;

/// <summary>
/// Sign-in that says the same thing, after the same work, whether the account exists or not: one password hash in
/// every path, failures throttled per client and account (never a lock anyone can set off), audited (ADR-008).
/// </summary>
public class LoginModel(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    LoginThrottle throttle,
    AppDbContext db,
    TimeProvider clock) : PageModel
{
    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    private static string? dummyHash;

    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
    [StringLength(256, ErrorMessage = "Tên đăng nhập quá dài.")]
    [Display(Name = "Tên đăng nhập")]
    public string? UserName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
    [StringLength(256, ErrorMessage = "Mật khẩu quá dài.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string? Password { get; set; }

    [BindProperty]
    [Display(Name = "Ghi nhớ đăng nhập")]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var name = UserNames.Canonical(UserName);
        var key = LoginThrottle.Key(HttpContext, name);
        if (throttle.IsBlocked(key))
        {
            Error = $"Đăng nhập sai quá nhiều lần từ máy này. Vui lòng thử lại sau {throttle.Window.TotalMinutes:0} phút hoặc liên hệ quản trị hệ thống.";
            return Page();
        }

        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            // The same hashing as for a real account, so that the answer's timing says nothing either.
            dummyHash ??= hasher.HashPassword(new AppUser(), "không-phải-mật-khẩu-" + Guid.NewGuid());
            hasher.VerifyHashedPassword(new AppUser(), dummyHash, Password!);
            return await FailAsync(key, name, null, "unknown");
        }

        if (await users.IsLockedOutAsync(user))
        {
            if (!await users.CheckPasswordAsync(user, Password!))
            {
                return await FailAsync(key, name, user, "locked, wrong password");
            }

            var end = await users.GetLockoutEndDateAsync(user);
            Error = end == DateTimeOffset.MaxValue
                ? "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị hệ thống."
                : "Tài khoản tạm thời bị khóa do nhập sai mã xác thực nhiều lần. Vui lòng thử lại sau.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password!, RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl, RememberMe });
        }

        return await FailAsync(key, name, user, "wrong password");
    }

    private async Task<IActionResult> FailAsync(string key, string name, AppUser? user, string reason)
    {
        throttle.RecordFailure(key);
        await SignInAudit.RecordFailureAsync(db, clock, HttpContext, name, user, reason);
        Error = WrongCredentials;
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
