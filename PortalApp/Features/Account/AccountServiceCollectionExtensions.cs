using PortalApp.Platform.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.Passwords;
using PortalApp.Platform.Security;

namespace PortalApp.Features.Account;

public static class AccountServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var account = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section)
            .Validate(o => o.SessionRevalidationInterval > TimeSpan.Zero && o.SessionRevalidationInterval <= TimeSpan.FromMinutes(1),
                "Account:SessionRevalidationInterval must be more than zero and at most 00:01:00 (a reset must sign other sessions out within a minute).")
            .Validate(o => o.PasswordHashIterations >= 100_000, "Account:PasswordHashIterations must be at least 100000.")
            .ValidateOnStart();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddPortalSeeder<DemoDataSeeder>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "portal.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = account.SessionRevalidationInterval);
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = account.PasswordHashIterations;
        });

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = account.MaxFailedSignInAttempts;
                options.Lockout.DefaultLockoutTimeSpan = account.LockoutDuration;
                options.Stores.MaxLengthForKeys = 128;
                options.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            // Replaces Identity's AuthenticatorTokenProvider, which reads the system clock.
            .AddTokenProvider<TimeProviderAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)

            .AddPortalPasswordPolicy();

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Staff, policy => policy.RequireRole(PortalRoles.Staff));

        services.AddScoped<AccountEmails>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<SignInService>();
        services.AddSingleton<ConfirmationResendQueue>();
        services.AddHostedService<ConfirmationResendWorker>();
        services.AddScoped<SecurityEvents>();
        services.AddScoped<AccountProfileService>();
        services.AddScoped<AccountSecurityService>();
        services.AddScoped<MfaService>();
        return builder;
    }
}
