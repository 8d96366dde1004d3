using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PortalApp.Features.HelpCenter;

/// <summary>A video tutorial's metadata; the file itself is hosted under wwwroot and may not be there.</summary>
public sealed class VideoTutorial
{
    public int Id { get; set; }

    /// <summary>Stable key that makes seeding idempotent.</summary>
    public string Key { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Author { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }

    public int DurationSeconds { get; set; }

    /// <summary>Path under wwwroot, e.g. <c>videos/admin-dashboard-1.mp4</c>.</summary>
    public string VideoPath { get; set; } = "";

    /// <summary>Path under wwwroot of the poster image.</summary>
    public string ThumbnailPath { get; set; } = "";

    public int SortOrder { get; set; }
}
