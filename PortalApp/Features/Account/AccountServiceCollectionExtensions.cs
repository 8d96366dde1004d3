using PortalApp.Platform.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.Passwords;
using PortalApp.Platform.Retention;
using PortalApp.Platform.Security;

namespace PortalApp.Features.Account;

public static class AccountServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var account = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddPortalSeeder<PlainTextMfaSecretsConversion>();
        services.AddPortalSeeder<DemoDataSeeder>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        AddSignInCookies(services, account);
        AddIdentityStores(services, account);
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Staff, policy => policy.RequireRole(PortalRoles.Staff));

        services.AddScoped<AccountEmails>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<SignInService>();
        services.AddScoped<AccountThrottle>();
        services.AddScoped<KnownDevices>();
        services.AddScoped<AccountProofs>();
        services.AddSingleton<ConfirmationResendQueue>();
        services.AddHostedService<ConfirmationResendWorker>();
        services.AddScoped<SecurityEvents>();
        services.AddPortalRetention<SecurityEventRetention>();
        services.AddScoped<AccountProfileService>();
        services.AddScoped<AccountSecurityService>();
        services.AddScoped<MfaService>();
        return builder;
    }

    /// <summary>Where sign-in redirects and how long a session lasts; HttpOnly, Secure and SameSite come from <see cref="PortalCookies"/>.</summary>
    private static void AddSignInCookies(IServiceCollection services, AccountOptions account)
    {
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
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = account.SessionRevalidationInterval);
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = account.PasswordHashIterations;
        });
    }

    private static void AddIdentityStores(IServiceCollection services, AccountOptions account)
    {
        services.AddIdentityCore<PortalUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                // Identity only counts failures (AccessFailedCount); AccountThrottle turns them into growing waits.
                options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                options.Stores.MaxLengthForKeys = 128;
                options.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            // Replaces Identity's AuthenticatorTokenProvider, which reads the system clock.
            .AddTokenProvider<TimeProviderAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPortalPasswordPolicy();

        // Identity's EF store with the authenticator key encrypted and recovery codes hashed; one instance per scope
        // serves UserManager and the start-up conversion.
        services.AddScoped<PortalUserStore>();
        services.Replace(ServiceDescriptor.Scoped<IUserStore<PortalUser>>(sp => sp.GetRequiredService<PortalUserStore>()));
    }
}
