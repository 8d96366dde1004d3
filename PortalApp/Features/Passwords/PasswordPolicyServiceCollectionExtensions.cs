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
        services.AddOptions<PasswordPolicyOptions>().BindConfiguration(PasswordPolicyOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.MinLength <= o.MaxLength, "PasswordPolicy:MinLength must not exceed PasswordPolicy:MaxLength.")
            .ValidateOnStart();
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

/// <summary>Loads the list and zxcvbn's dictionaries in the background at start, so the first customer doesn't wait.</summary>
internal sealed class PasswordPolicyWarmUp(PasswordPolicy policy) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(policy.WarmUp, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
