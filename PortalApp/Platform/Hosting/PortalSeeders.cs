namespace PortalApp.Platform.Hosting;

public static class PortalSeeders
{
    /// <summary>Registers <typeparamref name="TSeeder"/> as itself (for commands and tests) and as a start-up seeder.</summary>
    public static IServiceCollection AddPortalSeeder<TSeeder>(this IServiceCollection services)
        where TSeeder : class, IPortalSeeder
    {
        services.AddScoped<TSeeder>();
        services.AddScoped<IPortalSeeder>(sp => sp.GetRequiredService<TSeeder>());
        return services;
    }
}
