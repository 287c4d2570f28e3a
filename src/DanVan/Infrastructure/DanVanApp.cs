using System.Text.Encodings.Web;
using System.Text.Unicode;
using DanVan.Data;
using DanVan.Domain.Text;
using DanVan.Features.Demo;
using DanVan.Features.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace DanVan.Infrastructure;

/// <summary>Service registration and the HTTP pipeline, shared by the web host, the command line and the tests.</summary>
public static class DanVanApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    public static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
            });
        }

        Hardening.AddServices(builder);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LoginThrottle>();
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddDbContext<AppDbContext>(o => DatabaseSetup.Configure(o, configuration, builder.Environment.ContentRootPath));
        services.AddScoped<CurrentUser>();
        services.AddScoped<UnitCommands>();
        services.AddScoped<UnitImporter>();
        services.AddScoped<Features.Users.UserCommands>();
        services.AddScoped<Features.Calendar.CalendarCommands>();
        services.AddScoped<Features.Deadlines.StatutoryDeadlines>();
        services.AddSingleton<IdentityProtector>();
        services.AddScoped<Features.Cases.CaseCommands>();
        services.AddScoped<Features.Cases.CaseFieldCommands>();
        services.AddScoped<Features.Shared.MeasureRegistry>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Tasks.TaskMeasures>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Cases.CaseMeasures>();
        services.AddScoped<Features.Reception.ReceptionCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Reception.ReceptionMeasures>();
        services.AddScoped<Features.FollowUp.IFollowUpSource, Features.Reception.ReceptionFollowUp>();
        services.AddScoped<Features.FollowUp.IFollowUpSource, Features.Cases.CaseFollowUp>();
        services.AddScoped<Features.Dialogues.DialogueCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Dialogues.DialogueMeasures>();
        services.AddScoped<Features.FollowUp.IFollowUpSource, Features.Dialogues.DialogueFollowUp>();
        services.AddScoped<Features.Consultations.ConsultationCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Consultations.ConsultationMeasures>();
        services.AddScoped<Features.FollowUp.IFollowUpSource, Features.Consultations.ConsultationFollowUp>();
        services.AddHostedService<Features.Consultations.ConsultationSilenceService>();
        services.AddScoped<Features.Models.ModelCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Models.ModelMeasures>();
        services.AddScoped<Features.Democracy.DisclosureCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Democracy.DemocracyMeasures>();
        services.AddScoped<Features.FollowUp.IFollowUpSource, Features.Democracy.DisclosureFollowUp>();
        services.AddScoped<Features.Democracy.DecisionCommands>();
        services.AddScoped<Features.Democracy.PeopleConsultationCommands>();
        services.AddScoped<Features.Democracy.OversightCommands>();
        services.AddScoped<Features.Democracy.StaffConferenceCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Democracy.OversightMeasures>();
        services.AddScoped<Features.FollowUp.IFollowUpSource, Features.Democracy.StaffConferenceFollowUp>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Reports.ReportMeasures>();
        services.AddScoped<Features.Training.TrainingCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Training.TrainingMeasures>();
        services.AddScoped<Features.Training.News.NewsCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Training.News.NewsMeasures>();
        services.AddScoped<Features.Indices.IndexCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Indices.IndexMeasures>();
        services.AddScoped<Features.Scoring.ScoringCommands>();
        services.AddScoped<Features.Scoring.ScoringFrameworkCommands>();
        services.AddScoped<Features.Scoring.ScoringQueries>();
        services.AddScoped<Features.FollowUp.IFollowUpSource, Features.Scoring.ScoringFollowUp>();
        services.AddScoped<Features.Documents.DocumentCommands>();
        services.AddScoped<Features.Shared.IMeasureSource, Features.Documents.DocumentMeasures>();
        services.AddScoped<Features.Documents.DocumentEditing>();
        services.AddScoped<Features.Plans.PlanEditing>();
        services.AddScoped<Features.Plans.TargetEditing>();
        services.AddScoped<Features.Plans.TargetMeasuring>();
        services.AddScoped<Features.Plans.TargetLinks>();
        services.AddScoped<Features.Tasks.WorkItemEditing>();
        services.AddScoped<Features.Tasks.WorkItemCommands>();
        services.AddScoped<Features.Plans.PlanCommands>();
        services.AddScoped<Features.Import.UnitMatcher>();
        services.AddScoped<Features.Import.DocumentImport>();
        services.AddScoped<Features.Reports.ReportCommands>();
        services.AddScoped<Features.Reports.ReportRegimeCommands>();
        services.AddScoped<Features.Reports.ReportQueries>();
        services.AddScoped<Features.Reports.ReportOutputs>();
        services.AddSingleton(new Features.Import.DocumentTextReader(new Features.Import.DocumentTextReaderOptions
        {
            MaxFileBytes = configuration.GetValue("Import:MaxFileBytes", Features.Import.DocumentTextReaderOptions.DefaultMaxFileBytes),
            PdfToText = configuration["Import:PdfToText"] ?? "pdftotext",
            PdfTimeout = TimeSpan.FromSeconds(configuration.GetValue("Import:PdfTimeoutSeconds", 30)),
            Uploads = UploadLimits.From(configuration),
        }));
        services.AddScoped<Features.FollowUp.DigestJob>();
        services.AddSingleton<Features.FollowUp.IEmailSender, Features.FollowUp.SmtpEmailSender>();
        services.AddHostedService<Features.FollowUp.FollowUpService>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IAuthorizationHandler, UnitAuthorizationHandler>();

        // Vietnamese characters are written as characters, not &#x…; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:MaxFailedLogins", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<DanVanSignInManager>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<DanVanClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Error/403";
            o.Cookie.Name = Hardening.AuthCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = Hardening.CookiePolicy(configuration);
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => RespondOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RespondOrRedirect(ctx, StatusCodes.Status403Forbidden, redirect: false);
        });

        // One key ring for all instances, in the database.
        var protection = services.AddDataProtection().SetApplicationName("DanVan");

        // Keys encrypted at rest when a certificate is configured (a PFX file and its password): see README.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"], System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet));
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy("Admin", p => p.RequireRole(Domain.Access.Roles.Admin));

        services.AddSingleton<IPdfConverter, LibreOfficePdfConverter>();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Audit", "Admin");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                foreach (var signInPage in new[] { "/Account/Login", "/Account/LoginWith2fa" })
                {
                    o.Conventions.AddPageApplicationModelConvention(signInPage, m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(LoginRateLimit.Policy)));
                }

                o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                o.Conventions.AllowAnonymousToFolder("/Error");
                o.Conventions.AllowAnonymousToFolder("/Public");
                o.Conventions.AddFolderApplicationModelConvention("/Public", m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(LoginRateLimit.PublicPolicy)));
                o.Conventions.AllowAnonymousToPage("/Tasks/Feed"); // the .ics handler is found by token; the page handlers check the user
            })
            // No client-side validation library is loaded: its data-val-* attributes only carried the framework's English.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddMvcOptions(o =>
            {
                o.Filters.Add<PdfCopyFilter>(); // ?format=pdf on any DOCX download (ADR-033)
                o.ModelBinderProviders.Insert(0, new NfcStringModelBinderProvider());
                o.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());

                // "The X field is required." is the framework's English: required fields say so in Vietnamese themselves.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                VietnameseModelBindingMessages.Apply(o.ModelBindingMessageProvider);
            });

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new NfcStringJsonConverter());
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi();
        LoginRateLimit.Add(services, configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(VietnameseText.Culture);
            o.SupportedCultures = [VietnameseText.Culture];
            o.SupportedUICultures = [VietnameseText.Culture];
            o.RequestCultureProviders.Clear();
        });
    }

    public static void UsePipeline(WebApplication app)
    {
        Hardening.UseEarly(app);
        Hardening.UseErrorAnswers(app);
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        DatabaseFailures.UseUnavailableAnswer(app);
        app.UseAuthorization();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        UnitsApi.Map(app);
        Features.Documents.DocumentsApi.Map(app);
        Features.Tasks.TasksApi.Map(app);
        Features.Plans.PlansApi.Map(app);
        Features.Plans.TargetsApi.Map(app);
        Features.Models.ModelsApi.Map(app);
        Features.Democracy.DisclosuresApi.Map(app);
        Features.Training.TrainingApi.Map(app);
        Features.Training.News.NewsApi.Map(app);
        Features.Indices.IndicesApi.Map(app);
        Features.Democracy.PeopleConsultationsApi.Map(app);
        Features.Democracy.OversightApi.Map(app);
        Features.Editing.EditingApi.Map(app);
        Features.Reports.ReportsApi.Map(app);
        Features.Deadlines.DeadlinesApi.Map(app);
        Features.Cases.CasesApi.Map(app);
        Features.Dialogues.DialoguesApi.Map(app);
        Features.Reception.ReceptionApi.Map(app);
        Features.Consultations.ConsultationsApi.Map(app);
        Features.Scoring.ScoringApi.Map(app);
        Features.Import.ImportApi.Map(app);
        BenchEndpoints.Map(app); // only with Bench:Enabled=true (bench/run.sh)
        if (app.Environment.IsEnvironment("Testing"))
        {
            // Lets the tests see the 500 page: an unexpected exception, as a bug would throw.
            app.MapGet("/_test/fail", (HttpContext _) => throw new InvalidOperationException("Lỗi thử nghiệm"));
        }
    }

    /// <summary>Creates or upgrades the database and, when configured, seeds the demo data.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, bool seedDemo, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await SchemaMigrator.MigrateAsync(db, ct);
        await ReferenceData.EnsureAsync(db, ct);
        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        }
    }

    private static Task RespondOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status, bool redirect = true)
    {
        // The JSON API answers with a status code; pages go to the login page, or show the 403 page in place.
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || !redirect)
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
