namespace PortalApp.Platform.Hosting;

/// <summary>Fills the database at start, after the migrations; seeders run in the order the features register them.</summary>
public interface IPortalSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
