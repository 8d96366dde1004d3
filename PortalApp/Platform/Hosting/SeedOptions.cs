namespace PortalApp.Platform.Hosting;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Create the demo accounts and data; defaults to true in Development only.</summary>
    public bool? DemoData { get; set; }
}
