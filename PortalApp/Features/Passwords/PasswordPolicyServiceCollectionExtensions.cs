using Microsoft.Extensions.Options;
using PortalApp.Platform.Hosting;
using Microsoft.AspNetCore.Identity;
using PortalApp.Data;

namespace PortalApp.Features.Passwords;

public static class PasswordPolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy and makes it Identity's only password validator: the built-in one is removed and its
    /// options switched off, so no second, differently worded rule set can contradict the checklist.
    /// </summary>
    public static IdentityBuilder AddPortalPasswordPolicy(this IdentityBuilder identity)
    {
        var services = identity.Services;
        services.AddOptions<PasswordPolicyOptions>().BindConfiguration(PasswordPolicyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordPolicyOptions>, PasswordPolicyOptionsValidator>();
        services.AddSingleton(new PortalFact("password-min-length", sp => sp.GetRequiredService<IOptions<PasswordPolicyOptions>>().Value.MinLength));
        services.AddSingleton<PasswordPolicy>();
        services.AddHostedService<PasswordPolicyWarmUp>();

        services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = 0;
            o.Password.RequiredUniqueChars = 0;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
        });
        var builtIn = services.Where(d => d.ServiceType == typeof(IPasswordValidator<PortalUser>) && d.ImplementationType == typeof(PasswordValidator<PortalUser>)).ToList();
        foreach (var descriptor in builtIn)
        {
            services.Remove(descriptor);
        }

        identity.AddPasswordValidator<PasswordPolicyValidator>();
        return identity;
    }
}
